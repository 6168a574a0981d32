/** Where a long value is cut: the part kept at each end (the ellipsis goes between them). */
export interface MiddleCut {
  readonly head: string;
  readonly tail: string;
}

/** Characters of a value shown whole; longer ones are cut in the middle (an ARN's service and its resource name stay readable). */
export const LONG_VALUE_MAX = 56;

/**
 * Cuts a long value in the middle, keeping the start (an ARN's partition, service and Region) and, a little longer, the
 * end (the resource name), each snapped to a ':' or '/' when one is near so no part is cut mid-word. Null when it fits.
 */
export function middleTruncate(value: string, max = LONG_VALUE_MAX): MiddleCut | null {
  if (value.length <= max) return null;
  // "ARN (a note)": the ARN's own end (its resource name) stays, and the note folds, rather than the note's end standing for the resource.
  const note = value.indexOf(' (');
  if (note > 0 && value.endsWith(')')) {
    const resource = value.slice(0, note);
    const cut = middleTruncate(resource, max - 4);
    return cut ? { head: cut.head, tail: `${cut.tail} (…)` } : { head: `${resource} (`, tail: ')' };
  }
  const budget = max - 1;
  // The resource name after the last ':' or '/' stays whole when it leaves room for the ARN's start.
  const name = value.slice(Math.max(value.lastIndexOf(':'), value.lastIndexOf('/')));
  const tailLength = name.length <= budget - 16 ? Math.max(name.length, Math.ceil(budget * 0.55)) : Math.ceil(budget * 0.55);
  let head = value.slice(0, budget - tailLength);
  let tail = value.slice(value.length - tailLength);
  const headCut = Math.max(head.lastIndexOf(':'), head.lastIndexOf('/'));
  if (headCut >= head.length / 2) head = head.slice(0, headCut + 1);
  const tailCut = tail.search(/[:/]/);
  if (tailCut >= 0 && tailCut <= tail.length / 3) tail = tail.slice(tailCut);
  return { head, tail };
}
