import { fingerprint } from '../../shared/diff/fingerprint';

/** The basis of a plan: the fingerprint of the live document it was made from ('absent' when there was none). */
export function basisOf(document: unknown): string {
  return document === null || document === undefined ? 'absent' : fingerprint(document);
}
