// The backup service other features call: `backupBefore(db, reason)` before an import or a plan
// revision, `syncMarker` after writes. Configured once at boot with the host's store; unconfigured
// (unit tests of other features) it does nothing. Nothing here throws.
import type Dexie from 'dexie';
import { backupDue, backupFileName, nextMarker, type BackupReason, type Marker } from '../../../shared/backup';
import { localStorageWitness } from '../progress/exportReport';
import { makeBackup, readFacts } from './snapshot';
import type { BackupStore } from './store';
import type { MarkerStore } from './markerStore';

export type BackupConfig = { store: BackupStore; marker: MarkerStore; now?: () => string };
let config: BackupConfig | null = null;

export function configureBackups(c: BackupConfig | null): void { config = c; }
export const backupConfig = (): BackupConfig | null => config;

export type BackupOutcome =
  | { ok: true; fileName: string; bytes: Uint8Array; where: string | null; createdAt: string }
  | { ok: false; reason: 'not-configured' | 'nothing' | 'unsupported-value' | 'disk-full' | 'write-failed' | 'failed'; detail?: string };

const nowOf = () => (config?.now ?? (() => new Date().toISOString()))();

/** Builds a backup of `db`; `store` false: only the bytes (for a download). */
export async function takeBackup(db: Dexie, reason: BackupReason, store = true): Promise<BackupOutcome> {
  try {
    if (!(await db.table('settings').get('self'))) return { ok: false, reason: 'nothing' };
    const built = await makeBackup(db, reason, nowOf);
    if (!built.ok) return { ok: false, reason: 'unsupported-value', detail: built.detail };
    const fileName = backupFileName(built.header.createdAt, reason);
    if (!store || !config) return store ? { ok: false, reason: 'not-configured' } : { ok: true, fileName, bytes: built.bytes, where: null, createdAt: built.header.createdAt };
    const w = await config.store.write(fileName, built.bytes);
    if (!w.ok) return { ok: false, reason: w.reason };
    // A folder backup survives a wiped browser profile: that is what the reminder counts.
    if (config.store.kind === 'folder') await noteBackup(db, built.header.createdAt);
    return { ok: true, fileName, bytes: built.bytes, where: w.where, createdAt: built.header.createdAt };
  } catch (e) {
    return { ok: false, reason: 'failed', detail: e instanceof Error ? e.message : String(e) };
  }
}

/** The automatic backup before an import or a plan revision. Never throws; the caller goes on either way. */
export async function backupBefore(db: Dexie, reason: BackupReason): Promise<BackupOutcome> {
  if (!config) return { ok: false, reason: 'not-configured' };
  const r = await takeBackup(db, reason);
  if (!r.ok && r.reason !== 'nothing') console.warn(`backup before ${reason} failed: ${r.reason}`);
  return r;
}

/** Daily when the app is used: one automatic backup when the newest kept is a day old (or from the future). */
export async function dailyBackup(db: Dexie): Promise<BackupOutcome | null> {
  if (!config) return null;
  const newest = (await config.store.list().catch(() => [])).map((e) => e.createdAt).sort().at(-1) ?? null;
  return backupDue(newest, nowOf(), 1) ? takeBackup(db, 'daily') : null;
}

export async function readMarker(): Promise<Marker | null> {
  return config ? config.marker.read() : null;
}

/** Writes the marker from the database's facts; not while the database has no unit (a lost one must not erase it). */
export async function syncMarker(db: Dexie, lastBackupAt: string | null = null): Promise<Marker | null> {
  if (!config) return null;
  const facts = await readFacts(db);
  if (facts.unitId === null) return null;
  const prev = await config.marker.read();
  const next = nextMarker(prev, { ...facts, unitId: facts.unitId, updatedAt: nowOf(), lastBackupAt });
  await config.marker.write(next);
  return next;
}

const noted = new Set<() => void>();
/** Listens for backups noted in the marker (the reminder and the Settings card refresh). */
export function onBackupNoted(listener: () => void): () => void {
  noted.add(listener);
  return () => { noted.delete(listener); };
}

/** A backup now outside the browser (a download, or the folder): the reminder restarts. */
export async function noteBackup(db: Dexie, at: string): Promise<void> {
  await syncMarker(db, at).catch(() => null);
  for (const l of noted) l();
}

/**
 * The officer knowingly starts over after a loss: the numbers the marker recorded are written to
 * the new database and the witness first, so the next export stays above every one already sent.
 */
export async function startOver(db: Dexie, marker: Marker): Promise<void> {
  await db.transaction('rw', db.table('sequences'), db.table('settings'), async () => {
    await db.table('sequences').bulkPut(marker.sequences.map((m) => ({ ...m })));
    await db.table('settings').bulkPut(Object.entries(marker.counters).map(([key, value]) => ({ key, value })));
  });
  for (const m of marker.sequences) localStorageWitness.write({ unitId: m.unitId, planId: m.planId, period: m.period } as Parameters<typeof localStorageWitness.write>[0], m.last);
  await config?.marker.clear();
}
