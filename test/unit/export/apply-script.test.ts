import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { applyScript } from '../../../shared/export/apply-script';
import { shellQuote } from '../../../shared/export/shell-quote';
import { SETUP } from './export-fixture';

const script = applyScript({ setup: SETUP, accountId: '123456789012', merged: true, exportedAt: '2025-03-04T05:06:07.000Z' });
const lines = script.split('\n');

/** Index of the first line that runs (not a comment) and contains `text`. */
function firstLine(text: string): number {
  const index = lines.findIndex((l) => !l.trim().startsWith('#') && l.includes(text));
  expect(index, text).toBeGreaterThanOrEqual(0);
  return index;
}

describe('apply.sh', () => {
  it('is valid bash with strict mode', () => {
    expect(lines[0]).toBe('#!/usr/bin/env bash');
    expect(script).toContain('set -euo pipefail');
    const check = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
  });

  it("names the setup's resources in variables at the top", () => {
    for (const line of [
      "REGION='us-east-1'",
      "ACCOUNT_ID='123456789012'",
      "BUCKET='acme-raw'",
      "QUEUE_NAME='orders-events'",
      "ROLE_NAME='platform-s3-sqs-consumer-role'",
      "POLICY_NAME='platform-s3-sqs-access'",
    ]) {
      expect(lines).toContain(line);
    }
    expect(firstLine("REGION='")).toBeLessThan(firstLine('aws_ '));
  });

  it('sends every aws call through aws_, which adds --endpoint-url when AWS_ENDPOINT_URL is set', () => {
    const direct = lines.filter((l) => /(^|[\s;(])aws (sqs|s3api|iam|sts)\b/.test(l));
    expect(direct).toEqual([]);
    expect(script).toContain('if [ -n "${AWS_ENDPOINT_URL:-}" ]; then aws --endpoint-url "$AWS_ENDPOINT_URL" "$@"; else aws "$@"; fi');
  });

  it("backs up and checks for drift before the first write, then writes in the platform guide's order", () => {
    const backups = [
      'fetch_queue_attributes > "$BACKUPS/',
      'fetch_notification > "$BACKUPS/',
      'fetch_trust_policy > "$BACKUPS/',
      'fetch_permissions_policy > "$BACKUPS/',
    ];
    const lastBackup = Math.max(...backups.map(firstLine));
    const driftStop = firstLine('[ "$DRIFT" -eq 0 ] || fail');
    const writes = [
      'sqs create-queue',
      'sqs set-queue-attributes',
      's3api put-bucket-notification-configuration',
      'iam create-role',
      'iam put-role-policy',
    ].map(firstLine);
    expect(firstLine('sts get-caller-identity')).toBeLessThan(lastBackup);
    expect(lastBackup).toBeLessThan(driftStop);
    expect(driftStop).toBeLessThan(Math.min(...writes));
    expect([...writes].sort((a, b) => a - b)).toEqual(writes);
    expect(firstLine('iam update-assume-role-policy')).toBeGreaterThan(driftStop);
  });

  it('writes the exported files and compares against base/', () => {
    expect(script).toContain('--attributes "file://$WORK/set-queue-attributes.json"');
    expect(script).toContain(`jq -n --arg policy "$(jq -c . "$HERE/queue-policy.json")" '{Policy: $policy}'`);
    expect(script).toContain('--notification-configuration "file://$HERE/bucket-notification.json"');
    expect(script).toContain('--assume-role-policy-document "file://$HERE/trust-policy.json"');
    expect(script).toContain('--policy-document "file://$HERE/permissions-policy.json"');
    expect(script).toContain('base=$(comparable "$2" "$HERE/base/$4")');
    expect(script).toContain('changed since this export was made');
    expect(script).toMatch(/backups\/|BACKUPS="\$HERE\/backups"/);
  });

  it('says in its header and MERGED flag whether it was made offline', () => {
    const offline = applyScript({ setup: SETUP, accountId: '123456789012', merged: false, exportedAt: '2025-03-04T05:06:07.000Z' });
    expect(offline).toContain('MERGED=no');
    expect(offline.split('\n')[1]).toContain('NOT merged with the live documents');
    expect(script).toContain('MERGED=yes');
  });
});

describe('shellQuote', () => {
  it('keeps any text literal in bash', () => {
    const hostile = `it's $(touch /nonexistent) \`x\` "q"`;
    const run = spawnSync('bash', ['-c', `printf %s ${shellQuote(hostile)}`], { encoding: 'utf8' });
    expect(run.stdout).toBe(hostile);
  });
});
