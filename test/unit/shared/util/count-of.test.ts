import { describe, expect, it } from 'vitest';
import { countOf } from '../../../../shared/util/count-of';

describe('countOf', () => {
  it('puts the noun in the number the count needs', () => {
    expect(countOf(0, 'change')).toBe('0 changes');
    expect(countOf(1, 'change')).toBe('1 change');
    expect(countOf(2, 'other step')).toBe('2 other steps');
    expect(countOf(3, 'policy', 'policies')).toBe('3 policies');
  });
});
