/**
 * Why an answer is not a plain yes or no: it depends on a key the check cannot know (the network, the organisation,
 * tags), or on a condition operator the engine does not evaluate. Never resolved to a pass or a fail.
 */
export interface Unknown {
  readonly unknown: true;
  readonly kind: 'depends' | 'cannot-evaluate';
  readonly reason: string;
}

/** A three-valued answer: true, false, or unknown with the reason (IAM's logic over conditions, lifted to "don't know"). */
export type Tri = boolean | Unknown;

/** Builds an unknown answer. */
export function unknown(kind: Unknown['kind'], reason: string): Unknown {
  return { unknown: true, kind, reason };
}

/** True for an unknown answer. */
export function isUnknown(value: Tri): value is Unknown {
  return typeof value === 'object';
}

/** AND over answers (keys and operators of a condition): any false is false, else any unknown is unknown, else true. */
export function triAnd(values: ReadonlyArray<Tri>): Tri {
  if (values.some((v) => v === false)) return false;
  return values.find(isUnknown) ?? true;
}

/** OR over answers (the values of one key): any true is true, else any unknown is unknown, else false. */
export function triOr(values: ReadonlyArray<Tri>): Tri {
  if (values.some((v) => v === true)) return true;
  return values.find(isUnknown) ?? false;
}

/** NOT of an answer (negated operators); unknown stays unknown. */
export function triNot(value: Tri): Tri {
  return isUnknown(value) ? value : !value;
}
