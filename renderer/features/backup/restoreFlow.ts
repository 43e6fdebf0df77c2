// The two steps of a restore: read the file and show what it holds (nothing written), then, once
// confirmed, snapshot the current database (the undo) and restore in one transaction.
import { parseBackup, previewRestore, type Backup, type ParseFailure, type RestorePreview } from '../../../shared/backup';
import type { PlanBookDb } from '../../db/database';
import { localStorageWitness } from '../progress/exportReport';
import { restoreBackup, type RestoreOutcome } from './restore';
import { readMarker, syncMarker, takeBackup } from './service';
import { readFacts } from './snapshot';

export type Prepared = { ok: true; backup: Backup; preview: RestorePreview } | { ok: false; reason: ParseFailure };

export async function prepareRestore(db: PlanBookDb, bytes: Uint8Array): Promise<Prepared> {
  const parsed = parseBackup(bytes, { dbVersion: db.verno, tables: db.tables.map((t) => t.name) });
  if (!parsed.ok) return { ok: false, reason: parsed.reason };
  const facts = await readFacts(db);
  return { ok: true, backup: parsed.backup, preview: previewRestore(parsed.backup.header, facts) };
}

export type Confirmed = RestoreOutcome | { ok: false; reason: 'snapshot-failed'; detail: string };

export async function confirmRestore(db: PlanBookDb, backup: Backup): Promise<Confirmed> {
  const snapshot = await takeBackup(db, 'before-restore');
  // An empty database (the lost case) has nothing to undo; anything else must be kept first.
  if (!snapshot.ok && snapshot.reason !== 'nothing') return { ok: false, reason: 'snapshot-failed', detail: snapshot.reason };
  const marker = await readMarker();
  const r = await restoreBackup(db, backup, { witness: localStorageWitness, marker });
  if (r.ok) await syncMarker(db).catch(() => null);
  return r;
}
