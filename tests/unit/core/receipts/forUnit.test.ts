import { describe, expect, it } from 'vitest';
import type { ItemId, PeriodKey, UnitId } from '../../../../shared/model/ids';
import type { ReceivedEntry } from '../../../../shared/packages';
import { entriesForUnit, receiptLines, returnedComments } from '../../../../shared/receipts';

const entry = (packageId: string, sequence: number, extra: Partial<ReceivedEntry> = {}): ReceivedEntry => ({
  packageId, unitId: 'p7' as UnitId, period: '2024-M05' as PeriodKey, sequence, reason: 'ok', receivedAt: '2024-05-13T02:00:00.000Z', ...extra,
});
const exported = [{ packageId: 'r1', sequence: 1 }, { packageId: 'r2', sequence: 2 }];

describe('receipt lines for a unit', () => {
  it('says nothing when the receipt lists no package of this unit, or nothing was exported', () => {
    expect(receiptLines([entry('x9', 1)], 'p7', exported)).toEqual([]);
    expect(receiptLines([entry('r2', 2, { unitId: 'p8' as UnitId })], 'p7', exported)).toEqual([]);
    expect(receiptLines([entry('r2', 2)], 'p7', [])).toEqual([]);
  });

  it('keeps only this unit\'s exported packages', () => {
    const list = [entry('r1', 1), entry('x9', 3), entry('r2', 2, { unitId: 'p8' as UnitId })];
    expect(entriesForUnit(list, 'p7', exported).map((e) => e.packageId)).toEqual(['r1']);
  });

  it('accepted: the latest export, with the day it was received', () => {
    expect(receiptLines([entry('r1', 1, { reason: 'stale' }), entry('r2', 2)], 'p7', exported))
      .toEqual([{ kind: 'accepted', sequence: 2, receivedAt: '2024-05-13T02:00:00.000Z' }]);
  });

  it('a duplicate of content already held counts as accepted', () => {
    expect(receiptLines([entry('r2', 2, { reason: 'duplicate' })], 'p7', exported)[0]?.kind).toBe('accepted');
  });

  it('refused: the reason, whatever older packages did', () => {
    expect(receiptLines([entry('r1', 1), entry('r2', 2, { reason: 'bad-signature' })], 'p7', exported))
      .toEqual([{ kind: 'refused', sequence: 2, reason: 'bad-signature' }]);
  });

  it('the latest arrival of the same package speaks', () => {
    const list = [entry('r2', 2, { reason: 'conflict', receivedAt: '2024-05-14T00:00:00.000Z' }), entry('r2', 2, { receivedAt: '2024-05-13T00:00:00.000Z' })];
    expect(receiptLines(list, 'p7', exported)[0]).toEqual({ kind: 'refused', sequence: 2, reason: 'conflict' });
  });

  it('approved and returned reviews follow the accepted line', () => {
    expect(receiptLines([entry('r2', 2, { review: { state: 'approved', comments: [] } })], 'p7', exported).map((l) => l.kind)).toEqual(['accepted', 'approved']);
    const comments = [{ itemId: 'i3' as ItemId, text: 'Thiếu số liệu' }, { itemId: 'i3' as ItemId, text: 'Ghi rõ nguồn' }, { itemId: 'i5' as ItemId, text: 'Sai đơn vị' }];
    const lines = receiptLines([entry('r2', 2, { review: { state: 'returned', comments } })], 'p7', exported);
    expect(lines[1]).toEqual({ kind: 'returned', sequence: 2, comments });
    expect(Object.fromEntries(returnedComments(lines))).toEqual({ i3: ['Thiếu số liệu', 'Ghi rõ nguồn'], i5: ['Sai đơn vị'] });
  });

  it('a receipt that answers only older packages says the latest is not answered yet', () => {
    expect(receiptLines([entry('r1', 1)], 'p7', exported)).toEqual([{ kind: 'not-yet', sequence: 2, answered: 1 }]);
  });
});
