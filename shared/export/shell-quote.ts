/** Quotes a value for bash in single quotes ('\'' for a quote), so names from the setup can never run as code. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
