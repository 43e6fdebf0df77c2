import { describe, expect, it } from 'vitest';
import { buildBoard, countBoard, missingUnits, resolveSequences, type Submission } from '../../../../shared/consolidation';
import type { UnitId } from '../../../../shared/model/ids';
import { W, sub, wardsCalendar } from './fixtures';

const MAY = { kind: 'month', year: 2024, month: 5 } as const;
const board = (subs: Submission[], expected: UnitId[], reviews?: Map<UnitId, { state: 'approved' | 'returned'; sequence: number }>) =>
  buildBoard({ expected, lines: resolveSequences(subs).lines, calendar: wardsCalendar, period: MAY, reviews });

describe('submission board', () => {
  it('on time by the end of the 12th (Vietnam time), late after, missing without a package', () => {
    const rows = board([
      sub(W(1), 1, { createdAt: '2024-05-12T23:59:59+07:00' }),
      sub(W(2), 1, { createdAt: '2024-05-12T17:00:00Z' }), // 13/05 00:00 in Vietnam
    ], [W(1), W(2), W(3)]);
    expect(rows.map((r) => [r.unitId, r.state])).toEqual([[W(1), 'on-time'], [W(2), 'late'], [W(3), 'missing']]);
    expect(rows[2]).toMatchObject({ sequence: null, submittedAt: null, keyId: null, packages: 0 });
    expect(countBoard(rows)).toEqual({ 'on-time': 1, late: 1, missing: 1, conflict: 0, expected: 3 });
    expect(missingUnits(rows)).toEqual([W(3)]);
  });

  it('shows the latest package and judges punctuality on the first', () => {
    const rows = board([
      sub(W(1), 1, { createdAt: '2024-05-11T08:00:00+07:00' }),
      sub(W(1), 2, { createdAt: '2024-05-20T08:00:00+07:00', keyId: 'NEWKEY' }),
    ], [W(1)]);
    expect(rows[0]).toMatchObject({
      state: 'on-time', sequence: 2, submittedAt: '2024-05-20T08:00:00+07:00', keyId: 'NEWKEY',
      firstSubmittedAt: '2024-05-11T08:00:00+07:00', packages: 2, superseded: 1, conflict: false,
    });
  });

  it('flags a conflict, counts a unit reached only inside another package, ignores unexpected units', () => {
    const rows = board([
      sub(W(1), 3, { content: 'x' }), sub(W(1), 3, { content: 'y' }),
      sub(W(2), 1, { direct: false, ref: 'city.json#children/0' }),
      sub(W(9), 1),
    ], [W(1), W(2), W(2)]);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ conflict: true, sequence: 3, state: 'on-time' });
    expect(rows[1]).toMatchObject({ indirect: true, state: 'on-time' });
  });

  it('an unreadable time counts as late', () => {
    expect(board([sub(W(1), 1, { createdAt: 'hôm qua' })], [W(1)])[0]?.state).toBe('late');
  });

  it('prefers a unit’s consolidated package over its report', () => {
    const rows = board([sub(W(1), 1), sub(W(1), 4, { kind: 'consolidated', content: 'c' })], [W(1)]);
    expect(rows[0]).toMatchObject({ kind: 'consolidated', sequence: 4, packages: 2 });
  });

  it('shows a review while it concerns the latest sequence, and a return answered by a newer package as resubmitted', () => {
    const reviews = new Map([[W(1), { state: 'returned' as const, sequence: 1 }], [W(2), { state: 'approved' as const, sequence: 2 }]]);
    const rows = board([sub(W(1), 1), sub(W(1), 2), sub(W(2), 2)], [W(1), W(2)], reviews);
    // Phường 1's package 1 was returned; package 2 answers it and waits for the officer.
    expect(rows.map((r) => r.review)).toEqual(['resubmitted', 'approved']);
    const reopened = board([sub(W(2), 2), sub(W(2), 3)], [W(2)], reviews);
    expect(reopened.map((r) => r.review)).toEqual([null]); // a newer package after an approval: not reviewed yet
  });
});
