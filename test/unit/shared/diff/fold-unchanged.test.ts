import { describe, expect, it } from 'vitest';
import { foldUnchanged } from '../../../../shared/diff/fold-unchanged';

const same = (n: number) => Array.from({ length: n }, () => 's');
const isSame = (row: string) => row === 's';

describe('foldUnchanged', () => {
  it('folds a long unchanged run between changes, keeping three rows of context on each side', () => {
    const rows = [...same(2), 'c', ...same(12), 'c', ...same(2)];
    expect(foldUnchanged(rows, isSame)).toEqual([
      { kind: 'shown', start: 0, end: 6 },
      { kind: 'folded', start: 6, end: 12 },
      { kind: 'shown', start: 12, end: 18 },
    ]);
  });

  it('folds the start and the end of a document up to the context next to the change', () => {
    const rows = [...same(10), 'c', ...same(10)];
    expect(foldUnchanged(rows, isSame)).toEqual([
      { kind: 'folded', start: 0, end: 7 },
      { kind: 'shown', start: 7, end: 14 },
      { kind: 'folded', start: 14, end: 21 },
    ]);
  });

  it('keeps a short run shown, since a fold of a few rows is not worth a click', () => {
    expect(foldUnchanged([...same(5), 'c', ...same(9), 'c'], isSame)).toEqual([{ kind: 'shown', start: 0, end: 16 }]);
  });

  it('folds a document without any change into one fold, and shows every change', () => {
    expect(foldUnchanged(same(30), isSame)).toEqual([{ kind: 'folded', start: 0, end: 30 }]);
    expect(foldUnchanged(['c', 'c'], isSame)).toEqual([{ kind: 'shown', start: 0, end: 2 }]);
    expect(foldUnchanged([], isSame)).toEqual([]);
  });
});
