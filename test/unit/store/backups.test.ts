import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../../../shared/contract/api-error';
import { BACKUP_KINDS } from '../../../shared/steps/aws-steps';
import { backupTimestamp, backupsDir, listBackups, readBackup, writeBackup, type BackupInput } from '../../../main/store/backups';
import { permissions, useTempDir } from './temp-dir';

const posixOnly = process.platform === 'win32' ? it.skip : it;

const policyBackup: BackupInput = {
  setupName: 'orders-prod',
  kind: 'queue-policy',
  resource: 'arn:aws:sqs:us-east-1:123456789012:orders',
  account: '123456789012',
  region: 'us-east-1',
  document: { Version: '2012-10-17', Statement: [] },
};

async function failureOf(promise: Promise<unknown>): Promise<ApiFailure> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof ApiFailure)) throw new Error(`expected an ApiFailure, got ${String(err)}`);
  return err;
}

describe('backups', () => {
  const tempDir = useTempDir();

  it('formats UTC timestamps that sort as text', () => {
    expect(backupTimestamp(new Date('2026-11-24T23:45:01.123Z'))).toBe('20261124T234501.123Z');
    const stamps = ['2026-01-02T03:04:05.006Z', '2026-01-02T03:04:05.010Z', '2026-10-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'];
    const formatted = stamps.map((s) => backupTimestamp(new Date(s)));
    expect([...formatted].sort()).toEqual(formatted);
  });

  it('writes backups/<setup>/<timestamp>-<kind>.json with the fields docs/ARCHITECTURE.md lists', async () => {
    const dir = tempDir();
    const path = await writeBackup(dir, policyBackup);
    expect(path.startsWith(join(dir, 'backups', 'orders-prod'))).toBe(true);
    expect(path).toMatch(/[/\\]\d{8}T\d{6}\.\d{3}Z-queue-policy\.json$/);
    const content = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(content)).toEqual(['kind', 'resource', 'account', 'region', 'takenAt', 'document']);
    expect(content).toMatchObject({ kind: 'queue-policy', resource: policyBackup.resource, account: '123456789012', region: 'us-east-1' });
    expect(content['document']).toEqual(policyBackup.document);
    expect(new Date(content['takenAt'] as string).toISOString()).toBe(content['takenAt']);
  });

  posixOnly('keeps backups owner-only: files 0600, folders 0700', async () => {
    const dir = join(tempDir(), 'data');
    const path = await writeBackup(dir, policyBackup);
    expect(permissions(statSync(path).mode)).toBe(0o600);
    expect(permissions(statSync(dir).mode)).toBe(0o700);
    expect(permissions(statSync(join(dir, 'backups')).mode)).toBe(0o700);
    expect(permissions(statSync(backupsDir(dir, 'orders-prod')).mode)).toBe(0o700);
  });

  it('records a missing document (the resource did not exist yet) as null', async () => {
    const path = await writeBackup(tempDir(), { ...policyBackup, kind: 'queue', document: undefined });
    expect((await readBackup(path)).document).toBeNull();
  });

  it('gives every backup its own file under fast successive and simultaneous writes', async () => {
    const dir = tempDir();
    const sequential: string[] = [];
    for (let i = 0; i < 30; i += 1) sequential.push(await writeBackup(dir, { ...policyBackup, document: { n: i } }));
    const parallel = await Promise.all(Array.from({ length: 30 }, (_, i) => writeBackup(dir, { ...policyBackup, document: { n: 100 + i } })));
    const all = [...sequential, ...parallel];
    expect(new Set(all).size).toBe(60);
    expect(readdirSync(backupsDir(dir, 'orders-prod'))).toHaveLength(60);
    const documents = await Promise.all(all.map(async (p) => (await readBackup(p)).document));
    expect(documents).toEqual([...Array.from({ length: 30 }, (_, i) => ({ n: i })), ...Array.from({ length: 30 }, (_, i) => ({ n: 100 + i }))]);
  });

  it('lists newest first, in write order even within one millisecond, skipping files that are not backups', async () => {
    const dir = tempDir();
    const written: string[] = [];
    for (const kind of BACKUP_KINDS) written.push(await writeBackup(dir, { ...policyBackup, kind }));
    for (let i = 0; i < 5; i += 1) written.push(await writeBackup(dir, policyBackup));
    writeFileSync(join(backupsDir(dir, 'orders-prod'), 'notes.json'), '{"hello": "world"}');
    writeFileSync(join(backupsDir(dir, 'orders-prod'), 'README.txt'), 'not a backup');
    const listed = await listBackups(dir, 'orders-prod');
    expect(listed.map((b) => b.path)).toEqual([...written].reverse());
    expect(listed[0]).toEqual({
      path: written.at(-1),
      file: written.at(-1)?.split(/[/\\]/).at(-1),
      kind: 'queue-policy',
      resource: policyBackup.resource,
      account: '123456789012',
      region: 'us-east-1',
      takenAt: expect.stringMatching(/Z$/),
    });
    expect(await listBackups(dir, 'never-saved')).toEqual([]);
  });

  it('refuses malformed and foreign files with a BAD_INPUT error naming the file', async () => {
    const dir = join(tempDir(), 'backups', 'orders-prod');
    mkdirSync(dir, { recursive: true });
    const cases: ReadonlyArray<[string, string, RegExp]> = [
      ['torn.json', '{"kind": "queue-pol', /torn\.json is not a usable backup: it is not valid JSON/],
      ['wrong-kind.json', JSON.stringify({ ...policyBackup, kind: 'lambda', takenAt: new Date().toISOString() }), /wrong-kind\.json .*field kind/],
      ['no-time.json', JSON.stringify({ kind: 'queue', resource: 'r', account: 'a', region: 'r', document: null }), /no-time\.json .*field takenAt/],
      [
        'no-document.json',
        JSON.stringify({ kind: 'queue', resource: 'r', account: 'a', region: 'r', takenAt: new Date().toISOString() }),
        /no-document\.json .*no document/,
      ],
      ['list.json', '[1, 2]', /list\.json .*field \(root\)/],
    ];
    for (const [file, text, message] of cases) {
      writeFileSync(join(dir, file), text);
      const failure = await failureOf(readBackup(join(dir, file)));
      expect(failure.error.code).toBe('BAD_INPUT');
      expect(failure.error.message).toMatch(message);
      expect(failure.error.fix).toContain(join(dir, file));
    }
    expect(await listBackups(join(dir, '..', '..'), 'orders-prod')).toEqual([]);
  });

  it('says NOT_FOUND for a missing file, and refuses a path outside the backups folder when given the data dir', async () => {
    const dir = tempDir();
    expect((await failureOf(readBackup(join(dir, 'backups', 'x', 'gone.json')))).error.code).toBe('NOT_FOUND');
    const outside = join(dir, 'elsewhere.json');
    writeFileSync(outside, JSON.stringify({ ...policyBackup, takenAt: new Date().toISOString() }));
    expect(await readBackup(outside)).toMatchObject({ kind: 'queue-policy' });
    const refused = await failureOf(readBackup(outside, dir));
    expect(refused.error).toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining("not in the wizard's backups folder") });
    const inside = await writeBackup(dir, policyBackup);
    expect(await readBackup(inside, dir)).toMatchObject({ kind: 'queue-policy' });
  });

  it('refuses setup names that would leave their folder', async () => {
    const dir = tempDir();
    for (const name of ['', '.', '..', '../escape', 'a/b', 'a\\b', 'x..y']) {
      expect((await failureOf(writeBackup(dir, { ...policyBackup, setupName: name }))).error.code).toBe('BAD_INPUT');
    }
    expect(readdirSync(dir)).not.toContain('escape');
  });
});
