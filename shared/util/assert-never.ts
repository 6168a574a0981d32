/** Exhaustiveness check for discriminated unions (docs/ARCHITECTURE.md#conventions): a new case that is not handled fails to compile. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
