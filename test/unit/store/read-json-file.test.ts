import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadSetupFile } from '../../../main/cli/load-setup-file';
import { readBackup, writeBackup } from '../../../main/store/backups';
import { readJsonFile } from '../../../main/store/read-json-file';
import { getSetup, saveSetup, setupsDir } from '../../../main/store/setups';
import { setupSchema } from '../../../shared/setup/setup';
import { SAMPLE_SETUP_FILE } from '../shared/fixtures/sample-setup';
import { useTempDir } from './temp-dir';

const BOM = '\uFEFF';
const setup = setupSchema.parse(SAMPLE_SETUP_FILE);

/** Rewrites a JSON file the way a Windows editor saves it: UTF-8 with a byte order mark. */
function addBom(path: string): void {
  writeFileSync(path, BOM + readFileSync(path, 'utf8'));
}

describe('readJsonFile: one reader for the setup file, saved setups and backups', () => {
  const tempDir = useTempDir();

  it('says which of missing, unreadable, not JSON or invalid the file is', async () => {
    const dir = tempDir();
    const schema = z.object({ n: z.number() });
    expect(await readJsonFile(join(dir, 'none.json'), schema)).toMatchObject({ ok: false, problem: 'missing', detail: 'no such file' });
    expect(await readJsonFile(dir, schema)).toMatchObject({ ok: false, problem: 'unreadable', detail: 'it is a folder, not a file' });
    writeFileSync(join(dir, 'torn.json'), '{"n": ');
    expect(await readJsonFile(join(dir, 'torn.json'), schema)).toMatchObject({ ok: false, problem: 'not-json' });
    writeFileSync(join(dir, 'bad.json'), '{"n": "1"}');
    expect(await readJsonFile(join(dir, 'bad.json'), schema)).toMatchObject({ ok: false, problem: 'invalid', issues: [{ field: 'n' }] });
    writeFileSync(join(dir, 'ok.json'), `${BOM}{"n": 1}`);
    expect(await readJsonFile(join(dir, 'ok.json'), schema)).toEqual({ ok: true, value: { n: 1 } });
  });

  it('accepts a byte order mark in a setup file, a saved setup and a backup alike', async () => {
    const dir = tempDir();
    const file = join(dir, 'setup.json');
    writeFileSync(file, `${BOM}${JSON.stringify(SAMPLE_SETUP_FILE)}`);
    expect((await loadSetupFile(file)).setup).toEqual(setup);

    await saveSetup(dir, setup);
    addBom(join(setupsDir(dir), `${setup.name}.json`));
    expect((await getSetup(dir, setup.name))?.setup).toEqual(setup);

    const backup = await writeBackup(dir, {
      setupName: setup.name,
      kind: 'queue-policy',
      resource: 'arn:aws:sqs:us-east-1:123456789012:q',
      account: '123456789012',
      region: 'us-east-1',
      document: null,
    });
    addBom(backup);
    expect(await readBackup(backup)).toMatchObject({ kind: 'queue-policy', document: null });
  });
});
