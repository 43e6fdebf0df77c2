// Signed packages from the consolidating unit: receipts back to the units and the consolidated
// package for the level above. Build and sign outside any transaction; number and record inside one.
import { packagesToCarry } from '../../../shared/consolidation';
import { buildConsolidatedPackage, isJsonObject, parseStrictJson, signPackage, type Package, type Reason, type Signer } from '../../../shared/packages';
import { buildReceipt, receiptEntries, type ArrivalOutcome, type ReceiptRow } from '../../../shared/receipts';
import { nextSequence } from '../../../shared/packages';
import type { PeriodKey, PlanId, UnitId } from '../../../shared/model/ids';
import type { PlanBookDb } from '../../db/database';
import { auditRecord } from '../../db/audit';
import { platform } from '../../platform';
import { platformSigner } from '../../platform/signer';
import type { ReceivedPackageRecord } from '../../db/records';
import { fileHashOf, wholeRowsOf } from './receivedRepo';
import type { ConsolidationView } from './useConsolidation';
import { retrySave, type ExportResult, type SaveDeps } from './pendingSave';

export { retrySave, type ExportResult, type PendingSave } from './pendingSave';
export type ExportDeps = SaveDeps & { signer: (unitId: string) => Promise<Signer | null>; now?: () => string };

export const platformDeps: ExportDeps = {
  signer: platformSigner,
  save: (suggestedName, bytes) => platform.saveFile({ suggestedName, bytes }),
};

const ascii = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/gu, '').replace(/đ/gu, 'd').replace(/Đ/gu, 'D').replace(/[^\w.-]+/gu, '-');

/** The package at `file:HASH#children/2#children/0`, from the kept bytes (whole rows by bytesHash). */
function packageAt(ref: string, whole: ReadonlyMap<string, ReceivedPackageRecord>): Package | null {
  const [, ...path] = ref.split('#children/');
  const row = whole.get(fileHashOf(ref));
  const parsed = row ? parseStrictJson(row.bytes) : null;
  let node: unknown = parsed?.ok ? parsed.value : null;
  for (const step of path) {
    const payload = isJsonObject(node) ? node.payload : null;
    node = isJsonObject(payload) && Array.isArray(payload.children) ? payload.children[Number(step)] : null;
  }
  return isJsonObject(node) ? (node as unknown as Package) : null;
}

async function reserveSequence(db: PlanBookDb, key: string, known: number[]): Promise<number> {
  return db.transaction('rw', db.settings, async () => {
    const row = await db.settings.get(key);
    const last = typeof (row as { value?: unknown } | undefined)?.value === 'number' ? (row as { value: number }).value : 0;
    const next = nextSequence([last, ...known]);
    await db.settings.put({ key, value: next });
    return next;
  });
}

type Signed = { ok: true; bytes: Uint8Array; packageId: string } | { ok: false; reason: 'no-key' | 'sign-failed'; error?: string };

async function sign(unsigned: Parameters<typeof signPackage>[0], signerUnit: string, deps: ExportDeps): Promise<Signed> {
  const signer = await deps.signer(signerUnit);
  if (!signer) return { ok: false, reason: 'no-key' };
  const signed = await signPackage(unsigned, signer);
  if (!signed.ok) return { ok: false, reason: 'sign-failed', error: signed.error };
  return { ok: true, bytes: signed.bytes, packageId: signed.package.header.packageId };
}

export async function exportReceipt(db: PlanBookDb, view: ConsolidationView, self: UnitId, forUnit: string | null, deps: ExportDeps): Promise<ExportResult> {
  const units = forUnit ? new Set([forUnit]) : new Set(view.result.board.map((r) => r.unitId as string));
  const rows: ReceiptRow[] = view.rows.map((r) => ({ ...r, reason: r.reason as Reason, outcome: r.outcome as ArrivalOutcome }));
  const entries = receiptEntries(rows, view.resolutions, units);
  if (entries.length === 0) return { ok: false, reason: 'nothing' };
  const sequence = await reserveSequence(db, `receipt-sequence:${self}:${view.doc.plan.id}:${view.periodKey}`, []);
  const unsigned = buildReceipt({ consolidating: self, planId: view.doc.plan.id, planRevision: view.doc.plan.revision, period: view.periodKey, sequence, createdAt: (deps.now ?? (() => new Date().toISOString()))() }, forUnit, entries);
  const name = `bien-nhan_${ascii(forUnit ?? 'tat-ca')}_${view.periodKey}_${sequence}.json`;
  const r = await sign(unsigned, self, deps);
  if (!r.ok) return r;
  return retrySave({
    fileName: name, bytes: r.bytes, sequence, children: entries.length,
    finish: async () => { await db.audit.add(auditRecord('receipt-exported', { packageId: r.packageId, for: forUnit ?? 'all', entries: entries.length }, { unitId: self })); },
  }, deps);
}

export async function exportConsolidated(db: PlanBookDb, view: ConsolidationView, self: UnitId, deps: ExportDeps): Promise<ExportResult> {
  const accepted = view.result.lines.filter((l) => l.planId === view.doc.plan.id && l.period === view.periodKey).flatMap((l) => (l.accepted ? [l.accepted] : []));
  const whole = await wholeRowsOf(db, accepted.map((s) => s.ref));
  const children = packagesToCarry(accepted, (ref) => packageAt(ref, whole));
  if (children.length === 0) return { ok: false, reason: 'nothing' };
  const planId = view.doc.plan.id as PlanId;
  const period = view.periodKey as PeriodKey;
  const [exported, seqRow] = await Promise.all([
    db.exported.where('[unitId+planId+period]').equals([self, planId, period]).toArray(), db.sequences.get([self, planId, period]),
  ]);
  const sequence = await reserveSequence(db, `consolidated-sequence:${self}:${planId}:${period}`, [...exported.map((e) => e.sequence), seqRow?.last ?? 0]);
  const unsigned = buildConsolidatedPackage(
    { unitId: self, planId, planRevision: view.doc.plan.revision, period, sequence, createdAt: (deps.now ?? (() => new Date().toISOString()))() },
    children, view.result.summary,
  );
  const r = await sign(unsigned, self, deps);
  if (!r.ok) return r;
  return retrySave({
    fileName: `tong-hop_${ascii(planId)}_${period}_${sequence}.json`, bytes: r.bytes, sequence, children: children.length,
    finish: (savedName) => db.transaction('rw', db.exported, db.audit, async () => {
      await db.exported.add({ unitId: self, planId, period, sequence, packageId: r.packageId, fileName: savedName, bytes: r.bytes, exportedAt: new Date().toISOString() });
      await db.audit.add(auditRecord('consolidated-exported', { packageId: r.packageId, children: children.length }, { unitId: self }));
    }),
  }, deps);
}
