import { afterEach, describe, expect, it, vi } from 'vitest';

const writeSync = vi.fn<(fd: number, buffer: Uint8Array, offset: number) => number>();
vi.mock('node:fs', async (actual) => ({ ...(await actual<typeof import('node:fs')>()), writeSync }));

/** A fresh copy of the module: it remembers when stdout went over to the stream. */
async function load() {
  vi.resetModules();
  return (await import('../../../main/cli/cli-output')).writeStdout;
}

const errno = (code: string) => Object.assign(new Error(code), { code });

afterEach(() => {
  writeSync.mockReset();
  vi.restoreAllMocks();
});

// Error handling no test process can provoke on its own stdout: a full non-blocking pipe, a reader that went away.
describe("the CLI's synchronous stdout", () => {
  it('writes everything, continuing after a partial write', async () => {
    const writeStdout = await load();
    const seen: string[] = [];
    writeSync.mockImplementation((_fd, buffer, offset) => {
      const n = Math.min(3, buffer.length - offset);
      seen.push(Buffer.from(buffer.subarray(offset, offset + n)).toString());
      return n;
    });
    writeStdout('hello world\n');
    expect(seen.join('')).toBe('hello world\n');
  });

  it('hands the rest to the stream once the pipe would block, and keeps later output behind it', async () => {
    const writeStdout = await load();
    const streamed = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    writeSync
      .mockImplementationOnce(() => 4)
      .mockImplementationOnce(() => {
        throw errno('EAGAIN');
      });
    writeStdout('abcdefgh');
    writeStdout('next\n');
    expect(streamed.mock.calls.map(([chunk]) => Buffer.from(chunk as Uint8Array).toString())).toEqual(['efgh', 'next\n']);
    expect(writeSync).toHaveBeenCalledTimes(2);
  });

  it('stops quietly when the reader has gone (EPIPE) and throws any other error', async () => {
    const writeStdout = await load();
    writeSync.mockImplementation(() => {
      throw errno('EPIPE');
    });
    expect(() => writeStdout('x')).not.toThrow();
    writeSync.mockImplementation(() => {
      throw errno('EIO');
    });
    expect(() => writeStdout('x')).toThrow('EIO');
  });
});
