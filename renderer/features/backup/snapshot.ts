// Reads the whole database into one backup file, and what the marker and the preview need
// (counts, unit, sequences). One read transaction, so a backup is a consistent cut.
import type Dexie from 'dexie';
import { buildBackup, countersOf, marksOf, type BackupReason, type BuildResult, type SequenceMark } from '../../../shared/backup';

declare const __PLANBOOK_VERSION__: string | undefined;
export const APP_LABEL = `planbook ${typeof __PLANBOOK_VERSION__ === 'string' ? __PLANBOOK_VERSION__ : 'dev'}`;

export async function readTables(db: Dexie): Promise<Record<string, unknown[]>> {
  return db.transaction('r', db.tables, async () => {
    const rows = await Promise.all(db.tables.map((t) => t.toArray()));
    return Object.fromEntries(db.tables.map((t, i) => [t.name, rows[i] ?? []]));
  });
}

const selfUnitOf = (settings: readonly unknown[]): string | null => {
  const self = settings.find((r) => (r as { key?: unknown }).key === 'self') as { unitId?: unknown } | undefined;
  return typeof self?.unitId === 'string' ? self.unitId : null;
};

/** A backup of `db` as it is now. `now` is injectable so tests control the clock. */
export async function makeBackup(db: Dexie, reason: BackupReason, now: () => string = () => new Date().toISOString()): Promise<BuildResult> {
  const tables = await readTables(db);
  return buildBackup({ header: { app: APP_LABEL, createdAt: now(), dbVersion: db.verno, unitId: selfUnitOf(tables.settings ?? []), reason }, tables });
}

export type DbFacts = { unitId: string | null; dbVersion: number; counts: Record<string, number>; sequences: SequenceMark[]; counters: Record<string, number> };

/** Counts of every table, the unit, and the sequences: cheap (counts, three small tables). */
export async function readFacts(db: Dexie): Promise<DbFacts> {
  return db.transaction('r', db.tables, async () => {
    const counts = await Promise.all(db.tables.map((t) => t.count()));
    const [settings, sequences, exported] = await Promise.all([
      db.table('settings').toArray(), db.table('sequences').toArray(),
      // Only the keys and numbers of exported packages, not their bytes.
      db.table('exported').toArray((rows: { unitId: string; planId: string; period: string; sequence: number }[]) =>
        rows.map(({ unitId, planId, period, sequence }) => ({ unitId, planId, period, sequence }))),
    ]);
    return {
      unitId: selfUnitOf(settings), dbVersion: db.verno,
      counts: Object.fromEntries(db.tables.map((t, i) => [t.name, counts[i] ?? 0])),
      sequences: marksOf(sequences, exported), counters: countersOf(settings),
    };
  });
}
