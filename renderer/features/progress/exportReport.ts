// Export: check, number, build, sign, save, keep. The decisions are the core's (shared/progress,
// shared/packages); this file orders the steps and talks to the host through injected functions,
// so tests run it with a key of their own and no window.
import type { PlanItem } from '../../../shared/model/plan';
import { buildReportPackage, signPackage, type Signer } from '../../../shared/packages';
import { blockers, buildReportPayload, checkCompleteness, exportFileName, nextSequence, type Problem } from '../../../shared/progress';
import type { SaveFileResult } from '../../../shared/platform/contract';
import type { PlanBookDb } from '../../db/database';
import { openComments } from '../../../shared/receipts/forUnit';
import { progressRepo, toProgressRow, type ReportKey } from './progressRepo';
import { receiptRepo } from './receiptRepo';

/** A copy of the last sequence kept outside the database, so restoring an older database cannot lower it. */
export interface SequenceWitness { read(k: ReportKey): number | null; write(k: ReportKey, sequence: number): void }

export type ExportDeps = {
  signer: () => Promise<Signer | null>;
  save: (suggestedName: string, bytes: Uint8Array) => Promise<SaveFileResult>;
  witness: SequenceWitness;
  now?: () => string;
  app?: string;
};

export type ExportInput = {
  key: ReportKey;
  planRevision: number;
  items: readonly Pick<PlanItem, 'id' | 'kind'>[];
  /** Names for the file (ASCII-folded there): usually the unit's and plan's ids. */
  unitLabel: string;
  planLabel: string;
};

/** A package signed and numbered but not yet saved (the save failed): kept so a retry saves these very bytes, under the same number. */
export type PendingExport = { key: ReportKey; sequence: number; packageId: string; fileName: string; bytes: Uint8Array; createdAt: string };

export type ExportOutcome =
  | { ok: true; sequence: number; fileName: string; packageId: string }
  | { ok: false; reason: 'incomplete'; problems: Problem[] }
  | { ok: false; reason: 'no-key' | 'sign-failed' | 'cancelled' }
  /** `diskFull`: the host said the disk is full. `pending`: retry with `retryExport`. */
  | { ok: false; reason: 'save-failed'; diskFull: boolean; pending: PendingExport };

export async function exportReport(db: PlanBookDb, input: ExportInput, deps: ExportDeps): Promise<ExportOutcome> {
  const { key } = input;
  const [rows, report, exported, receipt] = await Promise.all([
    progressRepo.rows(db, key), progressRepo.report(db, key), progressRepo.exported(db, key), receiptRepo.get(db, key.planId, key.period),
  ]);
  const progressRows = rows.map(toProgressRow);
  // Comments of a returned report are answered before the next export (issue 5): read here, not from the screen.
  const comments = receipt ? openComments(receipt.received, key.unitId, exported, receipt.packageId) : [];
  const problems = blockers(checkCompleteness(input.items, progressRows, { confirmed: report?.narrativeConfirmed !== false }, comments));
  if (problems.length > 0) return { ok: false, reason: 'incomplete', problems };

  const signer = await deps.signer();
  if (!signer) return { ok: false, reason: 'no-key' };
  const sequence = nextSequence({ stored: report?.last ?? null, exported: exported.map((e) => e.sequence), witnesses: [deps.witness.read(key)] });
  // Reserved first, in the database and outside it: if anything below fails, the number is spent, not reused.
  await progressRepo.reserveSequence(db, key, sequence);
  deps.witness.write(key, sequence);

  const payload = buildReportPayload(input.items, progressRows, report?.narrative ?? '');
  const unsigned = buildReportPackage({
    unitId: key.unitId, planId: key.planId, planRevision: input.planRevision, period: key.period, sequence,
    createdAt: (deps.now ?? (() => new Date().toISOString()))(), ...(deps.app ? { app: deps.app } : {}),
  }, payload);
  const signed = await signPackage(unsigned, signer);
  if (!signed.ok) return { ok: false, reason: 'sign-failed' };

  const fileName = exportFileName(input.unitLabel, input.planLabel, key.period, sequence);
  const pending: PendingExport = { key, sequence, packageId: signed.package.header.packageId, fileName, bytes: signed.bytes, createdAt: signed.package.header.createdAt };
  return saveAndRecord(db, pending, deps.save);
}

/**
 * Saves a kept package again (after a full disk or a write error): the same bytes, the same
 * sequence, no new number spent. Recorded as exported only once a save succeeds.
 */
export async function retryExport(db: PlanBookDb, pending: PendingExport, save: ExportDeps['save']): Promise<ExportOutcome> {
  return saveAndRecord(db, pending, save);
}

async function saveAndRecord(db: PlanBookDb, pending: PendingExport, save: ExportDeps['save']): Promise<ExportOutcome> {
  const saved = await save(pending.fileName, pending.bytes).catch((): SaveFileResult => ({ ok: false, reason: 'write-failed' }));
  if (!saved.ok) {
    if (saved.reason === 'cancelled') return { ok: false, reason: 'cancelled' };
    return { ok: false, reason: 'save-failed', diskFull: saved.reason === 'disk-full', pending };
  }
  const { key, sequence, packageId, bytes, createdAt } = pending;
  await progressRepo.recordExport(db, { ...key, sequence, packageId, fileName: saved.fileName, bytes, exportedAt: createdAt });
  return { ok: true, sequence, fileName: saved.fileName, packageId };
}

/** The witness of the app: localStorage, which a database restore does not touch. */
export const localStorageWitness: SequenceWitness = {
  read: (k) => {
    try {
      const n = Number(globalThis.localStorage?.getItem(witnessKey(k)));
      return Number.isSafeInteger(n) && n > 0 ? n : null;
    } catch { return null; }
  },
  write: (k, sequence) => {
    try {
      const prev = localStorageWitness.read(k) ?? 0;
      globalThis.localStorage?.setItem(witnessKey(k), String(Math.max(prev, sequence)));
    } catch { /* private mode: the database counter and the exported packages still hold */ }
  },
};
const witnessKey = (k: ReportKey) => `planbook.sequence.${JSON.stringify([k.unitId, k.planId, k.period])}`;
