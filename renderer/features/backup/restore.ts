// Restore: the backup's rows replace the database's in ONE transaction (all or nothing), except
// sequence numbers, which only grow: each (unit, plan, period) keeps the highest of the current
// database, the backup, the marker and the localStorage witness, and packages exported since the
// backup stay listed. Nothing foreign is awaited inside the transaction (only Dexie calls; the
// witness is localStorage, which is synchronous).
import Dexie from 'dexie';
import {
  countersOf, marksAbove, marksOf, mergeCounters, mergeMarks, type Backup, type SequenceMark,
} from '../../../shared/backup';
import type { PeriodKey, PlanId, UnitId } from '../../../shared/model/ids';
import { PlanBookDb } from '../../db/database';
import { auditRecord } from '../../db/audit';
import type { ExportedPackageRecord, SequenceRecord } from '../../db/records';
import type { SequenceWitness } from '../progress/exportReport';
import { writeErrorKind } from './writeError';

export type RestoreOutcome =
  | { ok: true; sequences: SequenceMark[]; kept: SequenceMark[] }
  | { ok: false; reason: 'quota' | 'failed' | 'unknown-table'; detail: string };

export type RestoreExtras = { witness: SequenceWitness; marker?: { sequences: readonly SequenceMark[]; counters: Readonly<Record<string, number>> } | null };

const keyOf = (m: { unitId: string; planId: string; period: string }) => ({ unitId: m.unitId as UnitId, planId: m.planId as PlanId, period: m.period as PeriodKey });

/** Rows of a backup written by an older database version, brought up by the app's own upgrades. */
async function upgradedRows(backup: Backup, current: number): Promise<Record<string, unknown[]>> {
  if (backup.header.dbVersion >= current) return backup.tables;
  const name = `planbook-restore-${Date.now()}`;
  const old = new PlanBookDb(name, backup.header.dbVersion);
  try {
    await old.transaction('rw', old.tables, () => Promise.all(old.tables.map((t) => t.bulkAdd(backup.tables[t.name] ?? []))));
    old.close();
    const now = new PlanBookDb(name);
    await now.open();
    const out = await now.transaction('r', now.tables, async () =>
      Object.fromEntries(await Promise.all(now.tables.map(async (t) => [t.name, await t.toArray()] as const))));
    now.close();
    return out;
  } finally {
    await Dexie.delete(name);
  }
}

export async function restoreBackup(db: PlanBookDb, backup: Backup, extras: RestoreExtras): Promise<RestoreOutcome> {
  let rows: Record<string, unknown[]>;
  try {
    rows = await upgradedRows(backup, db.verno);
  } catch (e) {
    return { ok: false, reason: 'failed', detail: e instanceof Error ? e.message : String(e) };
  }
  const names = new Set(db.tables.map((t) => t.name));
  const foreign = Object.keys(rows).find((n) => !names.has(n));
  if (foreign) return { ok: false, reason: 'unknown-table', detail: foreign };
  const restoredMarks = marksOf(rows.sequences ?? [], rows.exported ?? []);
  try {
    const result = await db.transaction('rw', db.tables, async () => {
      const [curSeq, curExported, curSettings] = await Promise.all([db.sequences.toArray(), db.exported.toArray(), db.settings.toArray()]);
      const currentMarks = marksOf(curSeq, curExported);
      const known = mergeMarks(currentMarks, restoredMarks, extras.marker?.sequences ?? []);
      const witnessed = known.flatMap((m) => {
        const last = extras.witness.read(keyOf(m));
        return last ? [{ ...m, last }] : [];
      });
      const merged = mergeMarks(known, witnessed);

      await Promise.all(db.tables.map((t) => t.clear()));
      await Promise.all(db.tables.map((t) => t.bulkAdd(rows[t.name] ?? [])));
      // Packages exported since the backup stay listed: they were sent, and their bytes are the evidence.
      const restoredIds = new Set((rows.exported ?? []).map((r) => (r as ExportedPackageRecord).packageId));
      const since = curExported.filter((r) => !restoredIds.has(r.packageId)).map(({ id: _id, ...r }) => r);
      if (since.length > 0) await db.exported.bulkAdd(since);

      const seqRows = new Map((rows.sequences ?? []).map((r) => [JSON.stringify([(r as SequenceRecord).unitId, (r as SequenceRecord).planId, (r as SequenceRecord).period]), r as SequenceRecord]));
      await db.sequences.bulkPut(merged.map((m): SequenceRecord => {
        const row = seqRows.get(JSON.stringify([m.unitId, m.planId, m.period]));
        return { ...(row ?? keyOf(m)), last: Math.max(row?.last ?? 0, m.last) };
      }));
      const counters = mergeCounters(countersOf(curSettings), countersOf(rows.settings ?? []), extras.marker?.counters ?? {});
      await db.settings.bulkPut(Object.entries(counters).map(([key, value]) => ({ key, value })));

      const kept = marksAbove(merged, restoredMarks);
      await db.audit.add(auditRecord('backup-restored', {
        createdAt: backup.header.createdAt, reason: backup.header.reason, counts: backup.header.counts, keptSequences: kept,
      }, { unitId: backup.header.unitId }));
      return { merged, kept };
    });
    for (const m of result.merged) extras.witness.write(keyOf(m), m.last);
    return { ok: true, sequences: result.merged, kept: result.kept };
  } catch (e) {
    return { ok: false, reason: writeErrorKind(e) === 'quota' ? 'quota' : 'failed', detail: e instanceof Error ? e.message : String(e) };
  }
}
