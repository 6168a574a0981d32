import * as z from 'zod';
import { defineChannel } from './define-channel';
import type { Connection, ProfileListing } from './aws-profile';
import type { BackupEntry, SetupRecord } from './setup-record';
import { setupSchema } from '../setup/setup';
import { AWS_STEP_IDS } from '../steps/aws-steps';
import type { AppliedRun, RemovalPlan, RestorePlan, StepPlan, StepResult } from '../steps/step-plan';
import type { PlatformRegistration } from '../handoff/platform-registration';
import type { DoctorReport } from '../diagnostics/diagnostic-check';
import type { ExportBuild } from '../export/export-build';
import { LIVE_TEST_DEFAULT_SECONDS, LIVE_TEST_MAX_SECONDS, type LiveTestResult } from '../livetest/live-test-result';

const setupName = z.string().min(1, 'name: the setup name').max(64);
const backupPath = z.string().min(1, 'path: a backup file from backups.list').max(4096);
/** Other teams' rule Ids whose destination is gone, which the admin chose to remove from the bucket's configuration (shown in the diff). */
const removeStaleRules = z.array(z.string().min(1).max(255)).max(100).default([]);
const stepInput = z.object({ setup: setupSchema, step: z.enum(AWS_STEP_IDS), removeStaleRules }).strict();
const deleteQueueWithMessages = z.boolean().default(false);

const operationId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'operationId: 1-64 of A-Z a-z 0-9 _ -');

/** Information about the running back end that the UI shows. */
export interface AppInfo {
  readonly name: string;
  readonly version: string;
  readonly frontEnd: 'electron' | 'web' | 'cli';
}

/** The whole API: channel -> input schema -> output type. Electron IPC, the browser host and the CLI all serve it. */
export const apiContract = {
  'app.info': defineChannel<AppInfo>()(z.object({}).strict(), 'Name and version of the back end'),
  'profiles.list': defineChannel<ProfileListing>()(z.object({}).strict(), 'Profiles of ~/.aws/config and ~/.aws/credentials, without secrets'),
  'session.connect': defineChannel<Connection>()(
    z
      .object({
        profile: z.string().min(1, 'choose a profile').max(128),
        region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'a Region code such as us-east-1'),
        mfaCode: z
          .string()
          .regex(/^\d{6}$/, 'the 6-digit code from your MFA device')
          .optional(),
      })
      .strict(),
    "Resolve the profile's credentials and call sts:GetCallerIdentity",
  ),
  'session.current': defineChannel<Connection | null>()(z.object({}).strict(), 'The current connection, if any'),
  'scope.buckets': defineChannel<{ readonly buckets: ReadonlyArray<{ readonly name: string }> }>()(
    z.object({}).strict(),
    'Buckets of the account (s3:ListAllMyBuckets), to pick from',
  ),
  'scope.bucketRegion': defineChannel<{ readonly bucket: string; readonly region: string | null }>()(
    z
      .object({
        bucket: z.string().min(3).max(63),
        bucketOwner: z
          .string()
          .regex(/^\d{12}$/)
          .optional(),
      })
      .strict(),
    "A bucket's Region (s3:GetBucketLocation); null when the bucket does not exist",
  ),
  'steps.plan': defineChannel<StepPlan>()(stepInput, 'Read the live document, build the proposed one, diff them; writes nothing'),
  'steps.apply': defineChannel<StepResult>()(
    stepInput.extend({ basis: z.string().min(1, "basis: the plan's basis fingerprint") }).strict(),
    'Refuse while another step of the setup is blocked; re-read, stop on drift, back up, write once, read back and compare',
  ),
  'steps.applyAll': defineChannel<AppliedRun>()(
    z
      .object({
        setup: setupSchema,
        removeStaleRules,
        plans: z
          .array(z.object({ step: z.enum(AWS_STEP_IDS), basis: z.string().min(1, "basis: the plan's basis fingerprint") }).strict())
          .min(1, 'plans: at least one confirmed step')
          .max(AWS_STEP_IDS.length)
          .refine((plans) => new Set(plans.map((p) => p.step)).size === plans.length, 'plans: each step at most once'),
      })
      .strict(),
    "Apply confirmed plans in step order as one operation (one neighbourhood read and plan gate, then each step's guarded write); stops at the first failure",
  ),
  'steps.planAll': defineChannel<ReadonlyArray<StepPlan>>()(
    z.object({ setup: setupSchema, removeStaleRules }).strict(),
    'Plan every AWS step of a setup (with its neighbours) before the first write; writes nothing',
  ),
  'remove.plan': defineChannel<ReadonlyArray<RemovalPlan>>()(
    z.object({ setup: setupSchema, deleteQueueWithMessages, removeStaleRules }).strict(),
    'What removing the setup from AWS does to each document (only what it owns); writes nothing',
  ),
  'remove.apply': defineChannel<StepResult>()(
    stepInput.extend({ basis: z.string().min(1, "basis: the removal plan's basis fingerprint"), deleteQueueWithMessages }).strict(),
    "Remove the setup's part of one document through the guarded write; the last one marks the setup removed",
  ),
  'setups.list': defineChannel<ReadonlyArray<SetupRecord>>()(z.object({}).strict(), 'Saved setups with their status'),
  'setups.get': defineChannel<SetupRecord | null>()(z.object({ name: setupName }).strict(), 'One saved setup'),
  'setups.save': defineChannel<SetupRecord>()(
    z.object({ setup: setupSchema, editing: setupName.nullable().optional() }).strict(),
    "Save a setup as a draft, never over another saved setup (editing: null for a new one, the edited setup's saved name, absent for a setup file)",
  ),
  'setups.rename': defineChannel<SetupRecord>()(
    z.object({ name: setupName, to: setupSchema.shape.name }).strict(),
    'Rename a saved setup and its backups (moved, never copied); its AWS tags keep the old name',
  ),
  'setups.delete': defineChannel<{ readonly deleted: boolean }>()(
    z.object({ name: setupName }).strict(),
    'Delete a saved setup from the list (its backups are set aside, never handed to a later setup of the name; nothing on AWS changes)',
  ),
  'backups.list': defineChannel<ReadonlyArray<BackupEntry>>()(z.object({ setupName }).strict(), 'Backups of one setup, newest first'),
  'backups.planRestore': defineChannel<RestorePlan>()(
    z.object({ path: backupPath, keepOurs: z.boolean().default(false) }).strict(),
    "Diff of the live document against a backup (keepOurs: the backup's with the setup's own part kept); writes nothing",
  ),
  'backups.restore': defineChannel<StepResult>()(
    z.object({ path: backupPath, basis: z.string().min(1), keepOurs: z.boolean().default(false) }).strict(),
    "Back up the live document, write the backup's document (keepOurs: with the setup's own part kept), read back",
  ),
  'livetest.run': defineChannel<LiveTestResult>()(
    z
      .object({
        setup: setupSchema,
        timeoutSeconds: z
          .number()
          .int()
          .min(5, 'timeoutSeconds: at least 5')
          .max(LIVE_TEST_MAX_SECONDS, `timeoutSeconds: at most ${LIVE_TEST_MAX_SECONDS} (15 minutes)`)
          .default(LIVE_TEST_DEFAULT_SECONDS),
      })
      .strict(),
    'Upload a test object, wait for its event on the queue, clean up; releases every other message at once',
  ),
  'handoff.values': defineChannel<PlatformRegistration>()(
    z.object({ setup: setupSchema }).strict(),
    'The values to register on the platform, read from the live account',
  ),
  'doctor.run': defineChannel<DoctorReport>()(
    z
      .object({
        setup: setupSchema,
        live: z.boolean().default(false),
        timeoutSeconds: z.number().int().min(5).max(LIVE_TEST_MAX_SECONDS).default(LIVE_TEST_DEFAULT_SECONDS),
      })
      .strict(),
    'Named read-only checks over a setup (plus the live test with live: true)',
  ),
  'export.build': defineChannel<ExportBuild>()(
    z
      .object({
        setup: setupSchema,
        accountId: z
          .string()
          .regex(/^\d{12}$/, 'a 12-digit AWS account ID, such as 123456789012')
          .optional(),
      })
      .strict(),
    'The change-control folder (documents, apply.sh, README); offline and unmerged when accountId is given',
  ),
  'operation.cancel': defineChannel<{ readonly cancelled: boolean }>()(z.object({ operationId }).strict(), 'Cancel a running operation by its id'),
} as const;

/** The API contract's type. */
export type ApiContract = typeof apiContract;
/** Every channel name. */
export type Channel = keyof ApiContract;
/** Input type of a channel (what the caller sends, before defaults). */
export type ChannelInput<C extends Channel> = z.input<ApiContract[C]['input']>;
/** Input type of a channel after validation (what a handler receives). */
export type ChannelParsed<C extends Channel> = z.output<ApiContract[C]['input']>;
/** Output type of a channel. */
export type ChannelOutput<C extends Channel> = NonNullable<ApiContract[C]['output']> | Extract<ApiContract[C]['output'], null>;

/** The one request envelope every transport carries. */
export interface ApiRequest {
  readonly channel: string;
  readonly input: unknown;
  readonly operationId?: string;
}

/** True when `name` is a channel of the contract. */
export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(apiContract, name);
}

export { operationId as operationIdSchema };
