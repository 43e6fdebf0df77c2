// The marker: a few facts about the database kept outside IndexedDB (localStorage in the browser,
// a file of main in Electron), so a database that Chromium wiped or hid is noticed rather than
// taken for a first start. It holds no data of its own worth protecting: unit, counts, sequences.
import { z } from 'zod';
import { mergeCounters, mergeMarks, type SequenceMark } from './sequences';

export const MARKER_FORMAT = 'planbook/marker';

export type Marker = {
  format: typeof MARKER_FORMAT;
  unitId: string;
  dbVersion: number;
  counts: Record<string, number>;
  sequences: SequenceMark[];
  counters: Record<string, number>;
  updatedAt: string;
  lastBackupAt: string | null;
};

const markerSchema = z.object({
  format: z.literal(MARKER_FORMAT),
  unitId: z.string().min(1).max(200),
  dbVersion: z.number().int().positive(),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  sequences: z.array(z.object({ unitId: z.string(), planId: z.string(), period: z.string(), last: z.number().int().positive() })),
  counters: z.record(z.string(), z.number().int().positive()),
  updatedAt: z.string(),
  lastBackupAt: z.string().nullable(),
}) satisfies z.ZodType<Marker>;

/** The marker from its stored text; null when absent or unreadable (never throws). */
export function parseMarker(text: string | null | undefined): Marker | null {
  if (!text) return null;
  try {
    const r = markerSchema.safeParse(JSON.parse(text));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

/**
 * The next marker: facts of now, but sequences and counters never go down (a marker written just
 * after a restore of an older backup keeps the higher numbers it knew), nor does lastBackupAt.
 */
export function nextMarker(prev: Marker | null, now: Omit<Marker, 'format' | 'lastBackupAt'> & { lastBackupAt?: string | null }): Marker {
  const sameUnit = prev?.unitId === now.unitId;
  const lastBackupAt = [now.lastBackupAt ?? null, sameUnit ? prev?.lastBackupAt ?? null : null]
    .filter((d): d is string => d !== null).sort().at(-1) ?? null;
  return {
    format: MARKER_FORMAT, unitId: now.unitId, dbVersion: now.dbVersion, counts: now.counts, updatedAt: now.updatedAt, lastBackupAt,
    sequences: mergeMarks(now.sequences, prev?.sequences ?? []),
    counters: mergeCounters(now.counters, prev?.counters ?? {}),
  };
}

export type StartWarning =
  | { kind: 'fewer-rows'; table: string; recorded: number; found: number }
  | { kind: 'other-unit'; recorded: string; found: string }
  | { kind: 'older-schema'; recorded: number; found: number };

export type StartVerdict =
  | { kind: 'first-start' }
  | { kind: 'lost'; marker: Marker }
  | { kind: 'ok'; warnings: StartWarning[] };

/** Tables whose rows are only ever added (a drop there means rows went missing). */
const APPEND_ONLY = ['entries', 'received', 'exported', 'audit', 'plans'];

/**
 * The cheap check on start. "Empty" means no identity row: the unit directory is written at every
 * start, so counts alone cannot tell a first start from a wiped database.
 */
export function judgeStart(marker: Marker | null, db: { unitId: string | null; dbVersion: number; counts: Record<string, number> }): StartVerdict {
  if (db.unitId === null) return marker ? { kind: 'lost', marker } : { kind: 'first-start' };
  if (!marker) return { kind: 'ok', warnings: [] };
  const warnings: StartWarning[] = [];
  if (marker.unitId !== db.unitId) warnings.push({ kind: 'other-unit', recorded: marker.unitId, found: db.unitId });
  if (marker.dbVersion > db.dbVersion) warnings.push({ kind: 'older-schema', recorded: marker.dbVersion, found: db.dbVersion });
  for (const table of APPEND_ONLY) {
    const recorded = marker.counts[table] ?? 0;
    const found = db.counts[table] ?? 0;
    if (found < recorded) warnings.push({ kind: 'fewer-rows', table, recorded, found });
  }
  return { kind: 'ok', warnings };
}

/** Whether a reminder to back up is due: never backed up, or the last one older than `days`. */
export function backupDue(lastBackupAt: string | null, now: string, days = 7): boolean {
  if (!lastBackupAt) return true;
  const age = Date.parse(now) - Date.parse(lastBackupAt);
  return !Number.isFinite(age) || age > days * 86_400_000 || age < 0;
}
