import { parseArgs } from 'node:util';

/** Every flag the CLI knows; each command uses the ones it needs. */
export const CLI_OPTIONS = {
  profile: { type: 'string' },
  region: { type: 'string' },
  'mfa-code': { type: 'string' },
  setup: { type: 'string' },
  backup: { type: 'string' },
  'backup-dir': { type: 'string' },
  yes: { type: 'boolean', default: false },
  'skip-test': { type: 'boolean', default: false },
  'delete-queue-with-messages': { type: 'boolean', default: false },
  'remove-stale-rule': { type: 'string', multiple: true },
  'keep-ours': { type: 'boolean', default: false },
  'test-timeout': { type: 'string' },
  live: { type: 'boolean', default: false },
  report: { type: 'string' },
  out: { type: 'string' },
  'account-id': { type: 'string' },
  'resolve-overlap': { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** Parsed flags. */
export type CliFlags = ReturnType<typeof parseCli>['values'];

/** The admin's plan choices from the flags: other teams' stale rules named with --remove-stale-rule (repeatable). */
export function planChoicesOf(flags: CliFlags): { readonly removeStaleRules: string[] } {
  return { removeStaleRules: [...(flags['remove-stale-rule'] ?? [])] };
}

/** Parses argv strictly: an unknown flag is bad input (exit 2), not silently ignored. */
export function parseCli(argv: ReadonlyArray<string>) {
  return parseArgs({ args: [...argv], allowPositionals: true, options: CLI_OPTIONS, strict: true });
}
