import { describe, expect, it } from 'vitest';
import directoryJson from '../../../../resources/units/directory.json';
import type { BoardRow, Resolution } from '../../../../shared/consolidation';
import type { UnitId } from '../../../../shared/model/ids';
import { verifyPackage } from '../../../../shared/packages';
import {
  buildReceipt, currentState, expectedChildren, judgeArrival, missingCsv, missingText, receiptEntries, receiptReason, receivedFileOf, refOf,
  type ReceiptRow,
} from '../../../../shared/receipts';
import { parseDirectory } from '../../../../shared/units/directory';
import { PLAN_ID, PLAN_PERIODS, aReport, signed, trustFor, testKey } from '../../../helpers/packages';

const ctx = { trust: trustFor([testKey('p7'), testKey('p8')]), plan: { id: PLAN_ID, periods: PLAN_PERIODS } };
const file = async (unit: string, sequence: number, narrative = 'Báo cáo') => {
  const { bytes } = await signed(aReport({ unit, sequence, narrative }), unit);
  return receivedFileOf({ name: `${unit}-${sequence}.json`, bytes }, await verifyPackage(bytes, ctx), '2024-05-12T08:00:00Z');
};

describe('judgeArrival', () => {
  it('tells every relation of a new file to those received before', async () => {
    const a1 = await file('p7', 1);
    const a2 = await file('p7', 2);
    const a2b = await file('p7', 2, 'nội dung khác');
    const stranger = await file('p9', 1);
    expect(judgeArrival([], a1)).toEqual({ outcome: 'ok', store: true });
    expect(judgeArrival([a1], a1)).toEqual({ outcome: 'duplicate', store: false });
    expect(judgeArrival([a1], a2)).toEqual({ outcome: 'supersedes', store: true });
    expect(judgeArrival([a2], a1)).toEqual({ outcome: 'stale', store: true });
    expect(judgeArrival([a2], a2b)).toEqual({ outcome: 'conflict', store: true });
    expect(judgeArrival([a2, { ...a2b, setAside: true }], a2b)).toEqual({ outcome: 'duplicate', store: false });
    expect(judgeArrival([], stranger)).toEqual({ outcome: 'unknown-key', store: true });
    expect(stranger.submissions).toEqual([]); // a refused file enters nothing
    const sameContent = { ...a1, bytesHash: 'other-bytes' }; // the same signed content, reformatted
    expect(judgeArrival([a1], sameContent)).toEqual({ outcome: 'duplicate', store: true });
  });
});

describe('receipts', () => {
  const row = (over: Partial<ReceiptRow>): ReceiptRow => ({
    bytesHash: 'h1', reason: 'ok', outcome: 'ok', packageId: 'report:p7:vt-2024:2024-05:1', unitId: 'p7', period: '2024-05', sequence: 1, receivedAt: '2024-05-12T08:00:00Z', ...over,
  });
  const superseded: Resolution = { ref: refOf('h1'), reason: 'ok', unitId: 'p7' as UnitId, kind: 'report', sequence: 1, supersededBy: 2 };

  it('reads a file\'s state now and the reason its receipt carries', () => {
    expect(currentState(row({}), superseded)).toBe('superseded');
    expect(currentState(row({ outcome: 'stale' }), superseded)).toBe('stale');
    expect(currentState(row({ reason: 'bad-signature', outcome: 'bad-signature' }), undefined)).toBe('bad-signature');
    expect(currentState(row({ setAside: true }), undefined)).toBe('set-aside');
    expect(currentState(row({}), { ...superseded, supersededBy: undefined, reason: 'conflict' })).toBe('conflict');
    expect(['supersedes', 'superseded', 'set-aside', 'stale', 'unknown-key'].map((s) => receiptReason(s as never))).toEqual(['ok', 'ok', 'conflict', 'stale', 'unknown-key']);
  });

  it('lists a unit\'s files in a fixed order with the review, whatever the order of the rows', () => {
    const rows = [
      row({ bytesHash: 'h2', sequence: 2, packageId: 'report:p7:vt-2024:2024-05:2', outcome: 'supersedes', review: { state: 'returned', comments: [{ itemId: 'i.1.1' as never, text: 'Bổ sung số liệu' }] } }),
      row({}),
      row({ bytesHash: 'h3', unitId: 'p8', packageId: 'report:p8:vt-2024:2024-05:1' }),
      row({ bytesHash: 'h4', packageId: null, unitId: null, sequence: null, reason: 'malformed', outcome: 'malformed' }),
    ];
    const resolutions = new Map([[refOf('h1'), superseded]]);
    const mine = receiptEntries(rows, resolutions, new Set(['p7']));
    expect(mine.map((e) => [e.sequence, e.reason, e.review?.state ?? null])).toEqual([[1, 'ok', null], [2, 'ok', 'returned']]);
    expect(receiptEntries([...rows].reverse(), resolutions, new Set(['p7']))).toEqual(mine);
    expect(receiptEntries(rows, resolutions, null)).toHaveLength(3); // a file too damaged to name its unit cannot be answered
  });

  it('builds a receipt that verifies as a signed package of the consolidating unit', async () => {
    const entries = receiptEntries([row({})], new Map(), null);
    const unsigned = buildReceipt({ consolidating: 'thanh-pho', planId: PLAN_ID, planRevision: 1, period: '2024-05', sequence: 3, createdAt: '2024-05-13T08:00:00Z' }, 'p7', entries);
    expect(unsigned.header.packageId).toBe('receipt:thanh-pho:p7:vt-2024:2024-05:3');
    const { bytes } = await signed(unsigned, 'thanh-pho');
    const v = await verifyPackage(bytes, { trust: trustFor([testKey('thanh-pho')]) });
    expect([v.reason, v.kind]).toEqual(['ok', 'receipt']);
  });
});

describe('expected units and the missing list', () => {
  const parsed = parseDirectory(directoryJson);
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const dir = parsed.directory;
  const may2024 = { from: '2024-04-11' as never, to: '2024-05-10' as never };

  it('the city and its Phòng Văn hóa và Thông tin both expect the 17 wards in 2024, none once they were merged away', () => {
    const city = expectedChildren(dir, 'brvt.vung-tau' as UnitId, may2024);
    expect(city.consolidating).toBe('brvt.vung-tau');
    expect(city.expected).toHaveLength(17);
    expect(city.expected).toContain('brvt.vung-tau.long-son');
    expect(expectedChildren(dir, 'brvt.vung-tau.phong-vhtt' as UnitId, may2024)).toEqual(city);
    expect(expectedChildren(dir, 'brvt.vung-tau' as UnitId, { from: '2025-07-11' as never, to: '2025-08-10' as never }).expected).toEqual([]);
  });

  it('exports the missing units as CSV (Excel-ready) and text', () => {
    const board = [{ unitId: 'a', state: 'missing' }, { unitId: 'b', state: 'on-time' }, { unitId: 'c', state: 'missing' }] as BoardRow[];
    const name = (id: string) => (id === 'c' ? 'Xã Long Sơn, "cũ"' : `Phường ${id}`);
    expect(missingCsv(board, name, ['STT', 'Mã', 'Tên'])).toBe('\uFEFFSTT,Mã,Tên\r\n1,a,Phường a\r\n2,c,"Xã Long Sơn, ""cũ"""\r\n');
    expect(missingText(board, name, 'Chưa nộp:')).toBe('Chưa nộp:\n1. Phường a (a)\n2. Xã Long Sơn, "cũ" (c)\n');
  });
});
