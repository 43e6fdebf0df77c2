// Disk full while writing an export (docs/data-safety.md): the save is reported, the signed
// package is kept, and a retry saves the very same bytes under the same sequence; nothing is
// recorded as exported until a save succeeds.
import { describe, expect, it, vi } from 'vitest';
import { itemId, planId, unitId, type PeriodKey } from '../../../shared/model/ids';
import { randomSecretKey } from '../../../shared/crypto';
import { secretKeySigner } from '../../../shared/packages';
import type { SaveFileResult } from '../../../shared/platform/contract';
import { PlanBookDb } from '../../../renderer/db/database';
import { progressRepo, type ReportKey } from '../../../renderer/features/progress/progressRepo';
import { exportReport, retryExport, type ExportDeps, type SequenceWitness } from '../../../renderer/features/progress/exportReport';
import { retrySave, type PendingSave } from '../../../renderer/features/consolidation/pendingSave';
import { translate } from '../../../renderer/i18n';

let n = 0;
const freshDb = () => new PlanBookDb(`export-faults-${Date.now()}-${n++}`);
const key: ReportKey = { unitId: unitId('vt-thang-tam'), planId: planId('vungtau-cds-2024'), period: '2024-05' as PeriodKey };
const t1 = { id: itemId('t1'), kind: 'task' as const };
const witness = (): SequenceWitness => { let last = 0; return { read: () => (last || null), write: (_k, s) => { last = Math.max(last, s); } }; };

describe('an export to a full disk', () => {
  it('progress report: reported as disk full, kept, and saved again with the same bytes and sequence', async () => {
    const db = freshDb();
    await progressRepo.saveEdit(db, key, t1, { status: 'in-progress', percent: '50', result: 'Đang triển khai' });
    const attempts: { name: string; bytes: Uint8Array }[] = [];
    const answers: SaveFileResult[] = [{ ok: false, reason: 'disk-full' }, { ok: false, reason: 'write-failed' }];
    const save: ExportDeps['save'] = async (name, bytes) => { attempts.push({ name, bytes }); return answers.shift() ?? { ok: true, fileName: name }; };
    const signer = secretKeySigner(randomSecretKey());
    const out = await exportReport(db, { key, planRevision: 1, items: [t1], unitLabel: 'u', planLabel: 'p' }, { signer: async () => signer, witness: witness(), save });
    expect(out).toMatchObject({ ok: false, reason: 'save-failed', diskFull: true, pending: { sequence: 1 } });
    if (out.ok || out.reason !== 'save-failed') return;
    expect(await progressRepo.exported(db, key)).toEqual([]); // not sent, so not recorded

    const second = await retryExport(db, out.pending, save);
    expect(second).toMatchObject({ ok: false, reason: 'save-failed', diskFull: false, pending: { sequence: 1 } });
    const third = await retryExport(db, out.pending, save);
    expect(third).toEqual({ ok: true, sequence: 1, fileName: out.pending.fileName, packageId: out.pending.packageId });
    expect(attempts.map((a) => a.bytes)).toEqual([out.pending.bytes, out.pending.bytes, out.pending.bytes]);
    const kept = await progressRepo.exported(db, key);
    expect(kept.map((e) => [e.sequence, e.packageId])).toEqual([[1, out.pending.packageId]]);
    expect(kept[0]?.bytes).toEqual(out.pending.bytes);
  });

  it('a save that throws is a failed save, not an unhandled error', async () => {
    const db = freshDb();
    await progressRepo.saveEdit(db, key, t1, { status: 'done', percent: '100', result: 'Xong' });
    const signer = secretKeySigner(randomSecretKey());
    const out = await exportReport(db, { key, planRevision: 1, items: [t1], unitLabel: 'u', planLabel: 'p' }, {
      signer: async () => signer, witness: witness(), save: () => Promise.reject(new Error('boom')),
    });
    expect(out).toMatchObject({ ok: false, reason: 'save-failed', diskFull: false });
  });

  it('consolidation packages: the pending package is recorded only once saved, under its number', async () => {
    const finish = vi.fn(async (_name: string) => undefined);
    const pending: PendingSave = { fileName: 'tong-hop_p_2024-05_4.json', bytes: new Uint8Array([7, 8, 9]), sequence: 4, children: 12, finish };
    const full = await retrySave(pending, { save: async () => ({ ok: false, reason: 'disk-full' }) });
    expect(full).toEqual({ ok: false, reason: 'save-failed', diskFull: true, pending });
    expect(finish).not.toHaveBeenCalled();
    expect(await retrySave(pending, { save: async () => ({ ok: false, reason: 'cancelled' }) })).toEqual({ ok: false, reason: 'cancelled' });
    expect(await retrySave(pending, { save: () => Promise.reject(new Error('gone')) })).toMatchObject({ reason: 'save-failed', diskFull: false });
    const saved = vi.fn(async (name: string, _bytes: Uint8Array): Promise<SaveFileResult> => ({ ok: true, fileName: name }));
    expect(await retrySave(pending, { save: saved })).toEqual({ ok: true, fileName: pending.fileName, sequence: 4, children: 12 });
    expect(saved).toHaveBeenCalledWith(pending.fileName, pending.bytes);
    expect(finish).toHaveBeenCalledOnce();
  });

  it('the messages say what happened and that the package is kept, in Vietnamese', () => {
    expect(translate('vi', 'export.diskFull', { file: 'a.json', sequence: 3 })).toBe('Ổ đĩa đầy: chưa lưu được tệp a.json. Gói đã ký vẫn được giữ; hãy giải phóng dung lượng hoặc chọn ổ đĩa khác rồi bấm “Thử lưu lại” (vẫn số thứ tự 3).');
    expect(translate('vi', 'export.retry')).toBe('Thử lưu lại');
  });
});
