import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fchmodSync, fsyncSync, linkSync, mkdirSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

// The data directory's files are small (a setup record, a backup, an audit line): they are written with synchronous
// calls, each tens of microseconds, where a thread-pool round trip per call cost several milliseconds between the
// steps of an apply run (BENCHMARKS.md). The event loop waits well under a millisecond per file.

function writeTemp(path: string, text: string, mode: number): string {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', mode);
  try {
    writeSync(fd, text, null, 'utf8');
    // The umask may have cleared bits of `mode`; set it exactly before anyone can see the file.
    fchmodSync(fd, mode);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    removeQuietly(temp);
    throw err;
  }
  closeSync(fd);
  return temp;
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

function syncDir(dir: string): void {
  if (process.platform === 'win32') return;
  let fd: number;
  try {
    fd = openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // A file system that cannot sync a folder still renamed the file.
  }
  closeSync(fd);
}

/** Writes a whole file so readers see the old or the new content, never a part: temp file in the same folder, fsync, rename. */
export async function writeFileAtomic(path: string, text: string, mode = 0o600): Promise<void> {
  const temp = writeTemp(path, text, mode);
  try {
    renameSync(temp, path);
  } catch (err) {
    removeQuietly(temp);
    throw err;
  }
  syncDir(dirname(path));
}

/** File systems without hard links (FAT, some network shares) answer link() with one of these. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/** Like writeFileAtomic, but never replaces an existing file (link() fails with EEXIST): false when `path` exists. */
export async function createFileAtomic(path: string, text: string, mode = 0o600): Promise<boolean> {
  const temp = writeTemp(path, text, mode);
  try {
    linkSync(temp, path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') {
      removeQuietly(temp);
      return false;
    }
    if (!NO_HARD_LINKS.has(code)) {
      removeQuietly(temp);
      throw err;
    }
    // Without hard links, check then rename: exclusive within this process, which is what writes backups.
    if (existsSync(path)) {
      removeQuietly(temp);
      return false;
    }
    renameSync(temp, path);
  }
  removeQuietly(temp);
  syncDir(dirname(path));
  return true;
}
