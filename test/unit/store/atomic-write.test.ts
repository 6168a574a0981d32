import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileAtomic, writeFileAtomic } from '../../../main/store/atomic-write';
import { permissions, useTempDir } from './temp-dir';

const posixOnly = process.platform === 'win32' ? it.skip : it;

describe('writeFileAtomic', () => {
  const tempDir = useTempDir();

  posixOnly('writes with mode 0600 by default and creates parent folders 0700', async () => {
    const path = join(tempDir(), 'new', 'deeper', 'file.json');
    await writeFileAtomic(path, '{"a":1}\n');
    expect(readFileSync(path, 'utf8')).toBe('{"a":1}\n');
    expect(permissions(statSync(path).mode)).toBe(0o600);
    expect(permissions(statSync(join(path, '..')).mode)).toBe(0o700);
    expect(permissions(statSync(join(path, '..', '..')).mode)).toBe(0o700);
  });

  posixOnly('applies the given mode exactly, whatever the umask', async () => {
    const path = join(tempDir(), 'shared.txt');
    const old = process.umask(0o077);
    try {
      await writeFileAtomic(path, 'x', 0o640);
    } finally {
      process.umask(old);
    }
    expect(permissions(statSync(path).mode)).toBe(0o640);
  });

  it('replaces by rename: a new inode, no temp files left, readers see old or new content only', async () => {
    const dir = tempDir();
    const path = join(dir, 'setup.json');
    writeFileSync(path, 'old content');
    const before = statSync(path).ino;
    const big = 'n'.repeat(2_000_000);
    const seen = new Set<string>();
    let writing = true;
    const reader = (async () => {
      while (writing) {
        const text = readFileSync(path, 'utf8');
        seen.add(text === big ? 'new' : text === 'old content' ? 'old' : `partial:${text.length}`);
        await new Promise((r) => setImmediate(r));
      }
    })();
    await writeFileAtomic(path, big);
    writing = false;
    await reader;
    expect(readFileSync(path, 'utf8')).toBe(big);
    expect([...seen].filter((s) => s.startsWith('partial'))).toEqual([]);
    if (process.platform !== 'win32') expect(statSync(path).ino).not.toBe(before);
    expect(readdirSync(dir)).toEqual(['setup.json']);
  });

  it('leaves no temp file behind when the write fails', async () => {
    const dir = tempDir();
    const target = join(dir, 'is-a-folder');
    await writeFileAtomic(join(target, 'inner.txt'), 'x');
    await expect(writeFileAtomic(target, 'y')).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['is-a-folder']);
  });
});

describe('createFileAtomic', () => {
  const tempDir = useTempDir();

  it('creates a file once and never replaces it', async () => {
    const dir = tempDir();
    const path = join(dir, 'backup.json');
    expect(await createFileAtomic(path, 'first')).toBe(true);
    expect(await createFileAtomic(path, 'second')).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe('first');
    expect(readdirSync(dir)).toEqual(['backup.json']);
  });

  it('lets exactly one of many simultaneous writers win', async () => {
    const dir = tempDir();
    const path = join(dir, 'race.json');
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => createFileAtomic(path, `writer ${i}`)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(readdirSync(dir)).toEqual(['race.json']);
  });
});
