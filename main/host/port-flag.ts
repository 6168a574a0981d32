/** Parses `--port N` / `--port=N` (0 or absent: a free port). */
export function parsePortFlag(args: ReadonlyArray<string>): { ok: true; value: number } | { ok: false; message: string } {
  const i = args.findIndex((a) => a === '--port' || a.startsWith('--port='));
  if (i < 0) return { ok: true, value: 0 };
  const arg = args[i] ?? '';
  const raw = arg.includes('=') ? arg.slice('--port='.length) : args[i + 1];
  const value = Number(raw);
  if (!raw || !Number.isInteger(value) || value < 0 || value > 65535) {
    return { ok: false, message: `--port: expected a port number 0-65535, got ${JSON.stringify(raw ?? '')}.` };
  }
  return { ok: true, value };
}
