// Where backups go. Electron: a folder of main (Documents/PlanBook/backups), outside the app
// profile, so a profile reset or a wiped IndexedDB leaves them. The browser cannot write a folder
// silently: it keeps its automatic snapshots in a second IndexedDB database (an undo for a bad
// import or restore, not a shield against eviction) and offers every backup as a download.
import Dexie, { type Table } from 'dexie';
import { backupsToDelete, parseBackupFileName, type RotationPolicy } from '../../../shared/backup';
import type { Platform } from '../../../shared/platform/contract';
import { writeErrorKind } from './writeError';

export type StoredBackup = { name: string; createdAt: string; reason: string; size: number };
export type StoreWrite = { ok: true; where: string } | { ok: false; reason: 'disk-full' | 'write-failed' };

export interface BackupStore {
  readonly kind: 'folder' | 'browser';
  write(name: string, bytes: Uint8Array): Promise<StoreWrite>;
  list(): Promise<StoredBackup[]>;
  read(name: string): Promise<Uint8Array | null>;
}

type Required<P, K extends keyof P> = P & { [k in K]-?: NonNullable<P[k]> };
export type BackupHost = Required<Platform, 'writeBackup' | 'listBackups' | 'readBackup'>;
export const hasBackupFolder = (p: Platform): p is BackupHost => !!(p.writeBackup && p.listBackups && p.readBackup);

export function folderStore(p: BackupHost): BackupStore {
  return {
    kind: 'folder',
    write: async (name, bytes) => {
      const r = await p.writeBackup({ name, bytes });
      return r.ok ? { ok: true, where: r.folder } : { ok: false, reason: r.reason === 'disk-full' ? 'disk-full' : 'write-failed' };
    },
    list: async () => {
      const r = await p.listBackups();
      return r.ok ? r.files : [];
    },
    read: async (name) => {
      const r = await p.readBackup(name);
      return r.ok ? r.bytes : null;
    },
  };
}

type SnapshotRow = StoredBackup & { bytes: Uint8Array };
class SnapshotDb extends Dexie {
  declare files: Table<SnapshotRow, string>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ files: 'name, createdAt' });
  }
}

/** Browser snapshots: few (each is the whole database), rotated in the same transaction as the write. */
export function browserSnapshotStore(name = 'planbook-backups', policy: RotationPolicy = { keepLast: 3, monthly: false }): BackupStore {
  const db = new SnapshotDb(name);
  return {
    kind: 'browser',
    write: async (fileName, bytes) => {
      const info = parseBackupFileName(fileName);
      if (!info) return { ok: false, reason: 'write-failed' };
      try {
        await db.transaction('rw', db.files, async () => {
          await db.files.put({ name: fileName, createdAt: info.createdAt, reason: info.reason, size: bytes.byteLength, bytes });
          const all = await db.files.toCollection().toArray((rows) => rows.map(({ name: n, createdAt }) => ({ name: n, createdAt })));
          await db.files.bulkDelete(backupsToDelete(all, policy));
        });
        return { ok: true, where: name };
      } catch (e) {
        return { ok: false, reason: writeErrorKind(e) === 'quota' ? 'disk-full' : 'write-failed' };
      }
    },
    list: async () => {
      try {
        const rows = await db.files.orderBy('createdAt').reverse().toArray();
        return rows.map(({ name: n, createdAt, reason, size }) => ({ name: n, createdAt, reason, size }));
      } catch {
        return [];
      }
    },
    read: async (fileName) => (await db.files.get(fileName).catch(() => undefined))?.bytes ?? null,
  };
}
