// Reads the whole database into one backup file, and what the marker and the preview need
// (counts, unit, sequences). One read transaction, so a backup is a consistent cut.
import type Dexie from 'dexie';
import { buildBackup, countersOf, marksOf, type BackupReason, type BuildResult, type SequenceMark } from '../../../shared/backup';
import { backupInWorker, backupWorkerAvailable } from '../../workers/backupClient';

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

/** The backup file of these tables: the same steps in the backup worker and here. */
export function backupOfTables(tables: Record<string, unknown[]>, header: { createdAt: string; dbVersion: number; reason: BackupReason }): BuildResult {
  return buildBackup({ header: { app: APP_LABEL, createdAt: header.createdAt, dbVersion: header.dbVersion, unitId: selfUnitOf(tables.settings ?? []), reason: header.reason }, tables });
}

/**
 * A backup of `db` as it is now. `now` is injectable so tests control the clock. Where the host
 * has module workers, the backup worker reads the tables and builds the file (the whole database,
 * encoded and hashed: 150 – 230 ms of the screen's thread with 3,321 received files, and growing);
 * only the bytes come back, transferred. Without a worker, or when it fails, the same steps here.
 */
export async function makeBackup(db: Dexie, reason: BackupReason, now: () => string = () => new Date().toISOString()): Promise<BuildResult> {
  if (backupWorkerAvailable()) {
    const built = await backupInWorker(db.name, db.tables.map((t) => t.name), { createdAt: now(), dbVersion: db.verno, reason });
    if (built) return built;
  }
  const tables = await readTables(db);
  return backupOfTables(tables, { createdAt: now(), dbVersion: db.verno, reason });
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
