// Receipts sent back by the consolidating unit (DESIGN.md payload `receipt`), ward side: a file
// is verified, kept only when it answers packages this unit exported, and stored per plan and
// period (a settings row) with its audit row in one transaction.
import { webCryptoEd25519 } from '../../../shared/crypto/webcrypto';
import type { PeriodKey, PlanId, UnitId } from '../../../shared/model/ids';
import { judgeKey, reasonMessage, verifyPackage, type Lang, type ReceiptPayload, type ReceivedEntry } from '../../../shared/packages';
import { entriesForUnit } from '../../../shared/receipts/forUnit';
import type { PickedFile } from '../../../shared/platform/contract';
import type { PlanBookDb } from '../../db/database';
import { auditRecord } from '../../db/audit';
import type { ExportedPackageRecord, SettingRecord } from '../../db/records';
import { trustRepo } from '../keys/trustRepo';

/** What is kept of a receipt: who answered, when, and its entries (this unit's only). */
export type StoredReceipt = {
  unitId: UnitId;
  consolidating: string;
  packageId: string;
  sequence: number;
  createdAt: string;
  fileName: string;
  importedAt: string;
  received: ReceivedEntry[];
  /** The signer's key, and whether it is the consolidating unit's trusted key (optional: rows from before). */
  keyId?: string | null;
  senderTrusted?: boolean;
};

export const receiptKey = (planId: PlanId | string, period: PeriodKey | string) => `receipt:${planId}:${period}`;

export type ReceiptImport =
  | { ok: true; consolidating: string; stored: number; older: number }
  | { ok: false; problem: 'rejected'; detail: string }
  | { ok: false; problem: 'not-a-receipt' | 'not-ours' };

const isStored = (v: unknown): v is StoredReceipt => typeof v === 'object' && v !== null && Array.isArray((v as StoredReceipt).received);
const newer = (a: StoredReceipt, b: StoredReceipt) => (a.createdAt !== b.createdAt ? a.createdAt > b.createdAt : a.sequence >= b.sequence);

export const receiptRepo = {
  get: async (db: PlanBookDb, planId: PlanId, period: PeriodKey): Promise<StoredReceipt | null> => {
    const row = (await db.settings.get(receiptKey(planId, period))) as SettingRecord | undefined;
    return row && isStored(row.value) ? row.value : null;
  },

  /** Verifies and stores one receipt file for this unit. */
  import: async (db: PlanBookDb, unitId: UnitId, file: PickedFile, lang: Lang): Promise<ReceiptImport> => {
    const v = await verifyPackage(file.bytes, { native: webCryptoEd25519() });
    if (v.reason !== 'ok') return { ok: false, problem: 'rejected', detail: reasonMessage(v.reason, lang) };
    if (v.kind !== 'receipt' || !v.package || !v.header) return { ok: false, problem: 'not-a-receipt' };
    const header = v.header;
    // A receipt from a key this unit trusts for that consolidating unit is proven; an unknown key is
    // kept but shown as unverified (a ward often has no key of its city yet); a revoked key or a key
    // of another unit is refused.
    const judged = v.keyId ? judgeKey(await trustRepo.registry(db), v.keyId, header.unitId, header.createdAt) : 'unknown-key';
    if (judged === 'revoked-key' || judged === 'wrong-unit') return { ok: false, problem: 'rejected', detail: reasonMessage(judged, lang) };
    const received = (v.package.payload as ReceiptPayload).received;
    const candidates = received.filter((r) => r.unitId === unitId).map((r) => r.packageId);
    const exported: ExportedPackageRecord[] = candidates.length === 0 ? []
      : (await db.exported.where('packageId').anyOf(candidates).toArray()).filter((e) => e.unitId === unitId);
    const mine = entriesForUnit(received, unitId, exported);
    if (mine.length === 0) return { ok: false, problem: 'not-ours' };
    const importedAt = new Date().toISOString();
    const byKey = new Map<string, { planId: PlanId; period: PeriodKey }>();
    for (const e of exported) byKey.set(receiptKey(e.planId, e.period), { planId: e.planId, period: e.period });
    return db.transaction('rw', db.settings, db.audit, async (): Promise<ReceiptImport> => {
      let stored = 0;
      let older = 0;
      for (const [key, at] of byKey) {
        const ids = new Set(exported.filter((e) => e.planId === at.planId && e.period === at.period).map((e) => e.packageId));
        const value: StoredReceipt = {
          unitId, consolidating: header.unitId, packageId: header.packageId, sequence: header.sequence, createdAt: header.createdAt,
          fileName: file.name, importedAt, received: mine.filter((r) => ids.has(r.packageId)), keyId: v.keyId, senderTrusted: judged === 'ok',
        };
        const before = (await db.settings.get(key)) as SettingRecord | undefined;
        if (before && isStored(before.value) && !newer(value, before.value)) { older++; continue; }
        await db.settings.put({ key, value });
        stored++;
      }
      await db.audit.add(auditRecord('receipt-imported', {
        packageId: header.packageId, consolidating: header.unitId, sequence: header.sequence, fileName: file.name, bytesHash: v.bytesHash,
        keys: [...byKey.keys()], entries: mine.map((r) => ({ packageId: r.packageId, reason: r.reason, review: r.review?.state ?? null })), stored, older,
      }, { unitId }));
      return { ok: true, consolidating: header.unitId, stored, older };
    });
  },
};
