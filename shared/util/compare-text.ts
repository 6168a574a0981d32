/**
 * Orders strings by UTF-16 code units: deterministic on every machine and locale, and free of the ICU collator that
 * `localeCompare` initialises on first use (several ms of a CLI run, BENCHMARKS.md). For canonical forms and stable
 * lists, not for text shown sorted to a reader.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
