import { describe, expect, it } from 'vitest';
import type { LiveTestResult } from '../../../shared/livetest/live-test-result';
import { AWS_STEP_IDS } from '../../../shared/steps/aws-steps';
import type { Setup } from '../../../shared/setup/setup';
import { wizardReducer } from '../../../renderer/src/wizard-reducer';
import { blockedSteps, initialWizard, WIZARD_STEPS, stepStatus, type WizardState } from '../../../renderer/src/wizard-state';

const SETUP = { name: 's', bucket: 'b' } as unknown as Setup;
const RESULT = { step: 'queue', resource: 'url', action: 'created', backupPath: '/b.json', previousMissing: true, after: null } as const;
const LIVE_RESULT: LiveTestResult = {
  ok: true,
  latencyMs: 812,
  sinceUploadMs: 815,
  key: 'incoming/sqs-s3-wizard test=20250101T000000Z-abcd.csv',
  bucket: 'b',
  messagesSeen: 1,
  fixStep: null,
  released: 0,
  held: 0,
  redriveMaxReceiveCount: null,
  duplicates: 0,
  testEvents: 0,
  testEventsDeleted: 0,
  eventName: 'ObjectCreated:Put',
  objectDeleted: true,
  diagnosis: null,
  fix: null,
  finishedAt: '2025-01-01T00:00:01.000Z',
};

/** A confirmed scope, past the review of the whole plan: on the queue step. */
function confirmed(): WizardState {
  const s = wizardReducer(initialWizard(), { type: 'next' });
  const review = wizardReducer(s, { type: 'scopeConfirmed', setup: SETUP, changed: true });
  return wizardReducer(review, { type: 'next' });
}

describe('wizardReducer', () => {
  it('lists profile, scope, the review, the seven AWS steps, the live test and the summary with the hand-off', () => {
    expect(WIZARD_STEPS.map((s) => s.id)).toEqual([
      'profile',
      'scope',
      'review',
      'queue',
      'queuePolicy',
      'kmsKeyPolicy',
      'snsFanOut',
      'bucketNotification',
      'roleTrust',
      'rolePermissions',
      'liveTest',
      'summary',
    ]);
  });

  it('moves forward, and jumps only to steps already reached', () => {
    const s = confirmed();
    expect(s.step).toBe('queue');
    expect(wizardReducer(s, { type: 'goto', step: 'summary' }).step).toBe('queue');
    const back = wizardReducer(s, { type: 'goto', step: 'profile' });
    expect(back.step).toBe('profile');
    expect(wizardReducer(back, { type: 'goto', step: 'queue' }).step).toBe('queue');
  });

  it('does not leave the scope step without a confirmed setup', () => {
    const scope = wizardReducer(initialWizard(), { type: 'next' });
    expect(wizardReducer(scope, { type: 'next' }).step).toBe('scope');
  });

  it('derives stepper statuses from outcomes; an applied step stays applied when found unchanged later', () => {
    let s = confirmed();
    s = wizardReducer(s, { type: 'outcome', step: 'queue', outcome: { kind: 'applied', result: RESULT } });
    s = wizardReducer(s, { type: 'outcome', step: 'queue', outcome: { kind: 'unchanged', resource: 'url' } });
    s = wizardReducer(s, { type: 'outcome', step: 'queue', outcome: { kind: 'todo' } });
    expect(stepStatus(s, 'queue')).toBe('applied');
    expect(stepStatus(s, 'profile')).toBe('done');
    expect(stepStatus(s, 'queuePolicy')).toBe('todo');
    s = wizardReducer(s, { type: 'next' });
    expect(stepStatus(s, 'queuePolicy')).toBe('current');
    s = wizardReducer(s, { type: 'outcome', step: 'queuePolicy', outcome: { kind: 'failed', error: { code: 'DRIFT', message: 'x' } } });
    expect(stepStatus(s, 'queuePolicy')).toBe('failed');
    s = wizardReducer(s, { type: 'outcome', step: 'queuePolicy', outcome: { kind: 'todo' } });
    expect(stepStatus(s, 'queuePolicy')).toBe('current');
  });

  it('keeps the stale rules chosen for removal for every step, until the scope changes', () => {
    const chosen = wizardReducer(confirmed(), { type: 'staleRulesChosen', ruleIds: ['old-team'] });
    expect(chosen.removeStaleRules).toEqual(['old-team']);
    expect(wizardReducer(chosen, { type: 'goto', step: 'review' }).removeStaleRules).toEqual(['old-team']);
    expect(wizardReducer(chosen, { type: 'scopeConfirmed', setup: SETUP, changed: false }).removeStaleRules).toEqual(['old-team']);
    expect(wizardReducer(chosen, { type: 'scopeConfirmed', setup: SETUP, changed: true }).removeStaleRules).toEqual([]);
  });

  it('a changed scope starts the AWS steps over; an unchanged one keeps them', () => {
    let s = wizardReducer(confirmed(), { type: 'outcome', step: 'queue', outcome: { kind: 'applied', result: RESULT } });
    s = wizardReducer(s, { type: 'next' });
    const again = wizardReducer(wizardReducer(s, { type: 'goto', step: 'scope' }), { type: 'scopeConfirmed', setup: SETUP, changed: false });
    expect(again.outcomes.queue.kind).toBe('applied');
    expect(again.reached).toBe(s.reached);
    const changed = wizardReducer(wizardReducer(s, { type: 'goto', step: 'scope' }), { type: 'scopeConfirmed', setup: SETUP, changed: true });
    expect(changed.outcomes.queue.kind).toBe('todo');
    expect(changed.step).toBe('review');
    expect(wizardReducer(changed, { type: 'goto', step: 'queuePolicy' }).step).toBe('review');
  });

  it('a confirmed scope goes to the review of the whole plan, whose "Open that step" opens a later step', () => {
    const scope = wizardReducer(initialWizard(), { type: 'next' });
    const review = wizardReducer(scope, { type: 'scopeConfirmed', setup: SETUP, changed: true });
    expect(review.step).toBe('review');
    expect(stepStatus(review, 'review')).toBe('current');
    const opened = wizardReducer(review, { type: 'open', step: 'bucketNotification' });
    expect(opened.step).toBe('bucketNotification');
    expect(wizardReducer(opened, { type: 'goto', step: 'queue' }).step).toBe('queue');
    expect(wizardReducer(initialWizard(), { type: 'open', step: 'queue' }).step).toBe('profile');
  });

  it('goes from the role permissions step to the live test, whose outcome the stepper shows', () => {
    let s = confirmed();
    for (let i = 0; i < AWS_STEP_IDS.length; i++) s = wizardReducer(s, { type: 'next' });
    expect(s.step).toBe('liveTest');
    expect(stepStatus(s, 'liveTest')).toBe('current');
    s = wizardReducer(s, { type: 'liveTest', outcome: { kind: 'skipped' } });
    s = wizardReducer(s, { type: 'next' });
    expect(s.step).toBe('summary');
    expect(stepStatus(s, 'liveTest')).toBe('skipped');
    s = wizardReducer(s, { type: 'liveTest', outcome: { kind: 'passed', result: LIVE_RESULT } });
    expect(stepStatus(s, 'liveTest')).toBe('passed');
  });

  it('a write after the live test makes its result stale; a new scope or connection forgets it', () => {
    const passed = wizardReducer(confirmed(), { type: 'liveTest', outcome: { kind: 'passed', result: LIVE_RESULT } });
    expect(wizardReducer(passed, { type: 'outcome', step: 'queue', outcome: { kind: 'unchanged', resource: 'url' } }).liveTest.kind).toBe('passed');
    expect(wizardReducer(passed, { type: 'outcome', step: 'queue', outcome: { kind: 'applied', result: RESULT } }).liveTest.kind).toBe('todo');
    expect(wizardReducer(passed, { type: 'scopeConfirmed', setup: SETUP, changed: true }).liveTest.kind).toBe('todo');
    expect(wizardReducer(passed, { type: 'scopeConfirmed', setup: SETUP, changed: false }).liveTest.kind).toBe('passed');
    expect(wizardReducer(passed, { type: 'disconnected' }).liveTest.kind).toBe('todo');
  });

  it('opens a saved setup at a later step (Plan the fix), with the earlier steps reachable', () => {
    const s = initialWizard({ opened: SETUP, startAt: 'queuePolicy' });
    expect(s.step).toBe('queuePolicy');
    expect(s.setup).toBe(SETUP);
    expect(wizardReducer(s, { type: 'goto', step: 'queue' }).step).toBe('queue');
    expect(wizardReducer(s, { type: 'goto', step: 'bucketNotification' }).step).toBe('queuePolicy');
    expect(initialWizard({ opened: SETUP, startAt: 'scope' }).step).toBe('profile');
    expect(initialWizard({ opened: null, startAt: 'queuePolicy' }).step).toBe('profile');
  });

  it('a write the drift guard stopped shows as "drift" (not failed) until the step is planned again', () => {
    const error = { code: 'DRIFT', message: 'changed' } as const;
    const stopped = wizardReducer(confirmed(), { type: 'outcome', step: 'queuePolicy', outcome: { kind: 'drift', error } });
    expect(stepStatus(stopped, 'queuePolicy')).toBe('drift');
    expect(blockedSteps(stopped)).toEqual([]);
    expect(stepStatus(wizardReducer(stopped, { type: 'outcome', step: 'queuePolicy', outcome: { kind: 'todo' } }), 'queuePolicy')).toBe('todo');
  });

  it('a new connection forgets the AWS outcomes', () => {
    const s = wizardReducer(wizardReducer(confirmed(), { type: 'outcome', step: 'queue', outcome: { kind: 'applied', result: RESULT } }), {
      type: 'disconnected',
    });
    expect(s.step).toBe('profile');
    expect(s.outcomes.queue.kind).toBe('todo');
  });

  it('a blocker on the review holds every step until a review or its own plan clears it; the stepper says "blocked"', () => {
    const scope = wizardReducer(initialWizard(), { type: 'next' });
    const review = wizardReducer(scope, { type: 'scopeConfirmed', setup: SETUP, changed: true });
    const overlap = { code: 'CONFLICT', message: 'overlaps rule csv-importer-rule' } as const;
    let s = wizardReducer(review, { type: 'reviewed', blocked: { bucketNotification: overlap } });
    expect(stepStatus(s, 'bucketNotification')).toBe('blocked');
    s = wizardReducer(s, { type: 'open', step: 'bucketNotification' });
    // From the stepper the queue step opens, and it is held: another step is blocked.
    s = wizardReducer(s, { type: 'goto', step: 'queue' });
    expect(s.step).toBe('queue');
    expect(blockedSteps(s, 'queue')).toEqual(['bucketNotification']);
    expect(blockedSteps(s, 'bucketNotification')).toEqual([]);
    // Its own plan, once it is plannable again, clears it.
    const replanned = wizardReducer(s, { type: 'outcome', step: 'bucketNotification', outcome: { kind: 'todo' } });
    expect(blockedSteps(replanned, 'queue')).toEqual([]);
    // So does a review without it; an applied step keeps its outcome.
    s = wizardReducer(s, { type: 'outcome', step: 'queuePolicy', outcome: { kind: 'applied', result: { ...RESULT, step: 'queuePolicy' } } });
    const cleared = wizardReducer(s, { type: 'reviewed', blocked: {} });
    expect(blockedSteps(cleared)).toEqual([]);
    expect(stepStatus(cleared, 'bucketNotification')).toBe('todo');
    expect(stepStatus(cleared, 'queuePolicy')).toBe('applied');
  });
});
