import { randomBytes } from 'node:crypto';
import { access, link, mkdir, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

async function writeTemp(path: string, text: string, mode: number): Promise<string> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', mode);
  try {
    await handle.writeFile(text, 'utf8');
    // The umask may have cleared bits of `mode`; set it exactly before anyone can see the file.
    await handle.chmod(mode);
    await handle.sync();
  } catch (err) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw err;
  }
  await handle.close();
  return temp;
}

async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r').catch(() => null);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}

/** Writes a whole file so readers see the old or the new content, never a part: temp file in the same folder, fsync, rename. */
export async function writeFileAtomic(path: string, text: string, mode = 0o600): Promise<void> {
  const temp = await writeTemp(path, text, mode);
  try {
    await rename(temp, path);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
  await syncDir(dirname(path));
}

/** File systems without hard links (FAT, some network shares) answer link() with one of these. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** Like writeFileAtomic, but never replaces an existing file (link() fails with EEXIST): false when `path` exists. */
export async function createFileAtomic(path: string, text: string, mode = 0o600): Promise<boolean> {
  const temp = await writeTemp(path, text, mode);
  try {
    await link(temp, path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') return false;
    if (!NO_HARD_LINKS.has(code)) throw err;
    // Without hard links, check then rename: exclusive within this process, which is what writes backups.
    if (await exists(path)) return false;
    await rename(temp, path);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
  await syncDir(dirname(path));
  return true;
}
