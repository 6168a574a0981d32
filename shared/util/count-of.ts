/** "1 step", "3 steps": a count with its noun in the right number, so no screen says "step(s)". */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
