// What a restore would do, shown before the officer confirms: the backup's unit, date and rows
// beside the current database's, and the sequence numbers that the restore keeps from now.
import type { BackupHeader } from './format';
import { marksAbove, type SequenceMark } from './sequences';

export type TableLine = { table: string; inBackup: number; now: number };
export type RestorePreview = {
  unitId: string | null;
  sameUnit: boolean | null;
  createdAt: string;
  reason: BackupHeader['reason'];
  app: string;
  dbVersion: number;
  tables: TableLine[];
  /** Sequences higher now than in the backup: kept, so numbers never go down. */
  keptSequences: SequenceMark[];
};

export function previewRestore(header: BackupHeader, current: { unitId: string | null; counts: Record<string, number>; sequences: readonly SequenceMark[] }): RestorePreview {
  const names = [...new Set([...Object.keys(header.counts), ...Object.keys(current.counts)])].sort();
  return {
    unitId: header.unitId,
    sameUnit: header.unitId === null || current.unitId === null ? null : header.unitId === current.unitId,
    createdAt: header.createdAt, reason: header.reason, app: header.app, dbVersion: header.dbVersion,
    tables: names.map((table) => ({ table, inBackup: header.counts[table] ?? 0, now: current.counts[table] ?? 0 })),
    keptSequences: marksAbove(current.sequences, header.sequences),
  };
}
