import { describe, expect, it } from 'vitest';
import { diffDocuments } from '../../../shared/diff/diff-documents';
import { diffCounts, sideBySideRows } from '../../../renderer/src/components/diff-rows';

describe('sideBySideRows', () => {
  it('pairs a removed run with the added run after it and pads the shorter side', () => {
    const rows = sideBySideRows([
      { kind: 'same', text: '{' },
      { kind: 'removed', text: 'a' },
      { kind: 'added', text: 'b' },
      { kind: 'added', text: 'c' },
      { kind: 'same', text: '}' },
    ]);
    expect(rows).toEqual([
      { left: { kind: 'same', text: '{' }, right: { kind: 'same', text: '{' } },
      { left: { kind: 'removed', text: 'a' }, right: { kind: 'added', text: 'b' } },
      { left: { kind: 'filler' }, right: { kind: 'added', text: 'c' } },
      { left: { kind: 'same', text: '}' }, right: { kind: 'same', text: '}' } },
    ]);
  });

  it('keeps every line of both documents, in order, on its own side', () => {
    const diff = diffDocuments(
      { Statement: [{ Sid: 'A', Effect: 'Allow' }], Id: 'x' },
      { Statement: [{ Sid: 'B', Effect: 'Deny' }, { Sid: 'A' }], Version: '1' },
    );
    const rows = sideBySideRows(diff.lines);
    const left = rows.flatMap((r) => (r.left.kind === 'filler' ? [] : [r.left.text]));
    const right = rows.flatMap((r) => (r.right.kind === 'filler' ? [] : [r.right.text]));
    expect(left).toEqual(diff.lines.filter((l) => l.kind !== 'added').map((l) => l.text));
    expect(right).toEqual(diff.lines.filter((l) => l.kind !== 'removed').map((l) => l.text));
    expect(rows.every((r) => r.left.kind !== 'added' && r.right.kind !== 'removed')).toBe(true);
  });

  it('a document created from nothing is all added lines against fillers', () => {
    const diff = diffDocuments(null, { a: 1 });
    const rows = sideBySideRows(diff.lines);
    expect(rows.every((r) => r.left.kind === 'filler' && r.right.kind === 'added')).toBe(true);
    expect(diffCounts(diff.lines)).toEqual({ added: rows.length, removed: 0 });
  });
});
