// Backups and the marker, kept by main (docs/data-safety.md). Backups go to Documents/PlanBook/
// backups (outside the app profile, so a profile reset leaves them), each written to a temporary
// file, flushed and renamed, then the folder is rotated (last 10 + one per month). The marker is a
// small file in userData. Names are checked against shared/backup/names.ts: the renderer can never
// name another file or folder.
import { mkdir, readFile, readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { backupsToDelete, parseBackupFileName, DEFAULT_ROTATION } from '../../../shared/backup';
import {
  CHANNEL, MAX_FILE_BYTES, MAX_MARKER_CHARS, type BackupFile, type ClearStorageResult, type ListBackupsResult, type ReadBackupResult, type WriteBackupRequest,
  type WriteBackupResult,
} from '../../../shared/platform/contract';
import { writeFileAtomic } from '../files';
import { APP_ORIGIN } from '../origin';
import { handleChannel } from './handle';
import { bytes } from './schemas';

export type BackupPlaces = { folder: () => string; markerFile: () => string };

const backupName = z.string().max(200).refine((s) => parseBackupFileName(s) !== null);
const writeBackupRequest = z.strictObject({ name: backupName, bytes: bytes.refine((b) => b.byteLength > 0) }) satisfies z.ZodType<WriteBackupRequest>;
const markerText = z.string().max(MAX_MARKER_CHARS);

const code = (e: unknown) => (e as { code?: unknown } | null)?.code;

async function listIn(folder: string): Promise<BackupFile[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (e) {
    if (code(e) === 'ENOENT') return [];
    throw e;
  }
  const files: BackupFile[] = [];
  for (const name of names) {
    const info = parseBackupFileName(name);
    if (!info) continue; // temporary files and anything else the user keeps there
    const s = await stat(path.join(folder, name)).catch(() => null);
    if (s?.isFile()) files.push({ name, createdAt: info.createdAt, reason: info.reason, size: s.size });
  }
  return files.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
}

export function registerBackup(places: BackupPlaces): void {
  handleChannel(CHANNEL.writeBackup, z.tuple([writeBackupRequest]), (): WriteBackupResult => ({ ok: false, reason: 'rejected' }),
    async (_e, [req]): Promise<WriteBackupResult> => {
      const folder = places.folder();
      try {
        await mkdir(folder, { recursive: true });
        await writeFileAtomic(path.join(folder, req.name), req.bytes);
      } catch (e) {
        return { ok: false, reason: code(e) === 'ENOSPC' || code(e) === 'EDQUOT' ? 'disk-full' : 'write-failed' };
      }
      // Rotation after the new file is safe on disk: a failure here costs space, never a backup.
      let deleted = 0;
      const doomed = backupsToDelete(await listIn(folder).catch(() => []), DEFAULT_ROTATION).filter((n) => n !== req.name);
      for (const name of doomed) if (await unlink(path.join(folder, name)).then(() => true, () => false)) deleted++;
      return { ok: true, fileName: req.name, folder, deleted };
    });

  handleChannel(CHANNEL.listBackups, z.tuple([]), (): ListBackupsResult => ({ ok: false, reason: 'rejected' }),
    async (): Promise<ListBackupsResult> => {
      try {
        return { ok: true, folder: places.folder(), files: await listIn(places.folder()) };
      } catch {
        return { ok: false, reason: 'read-failed' };
      }
    });

  handleChannel(CHANNEL.readBackup, z.tuple([backupName]), (): ReadBackupResult => ({ ok: false, reason: 'rejected' }),
    async (_e, [name]): Promise<ReadBackupResult> => {
      const file = path.join(places.folder(), name);
      try {
        const s = await stat(file);
        if (!s.isFile()) return { ok: false, reason: 'not-found' };
        if (s.size > MAX_FILE_BYTES) return { ok: false, reason: 'too-large' };
        const b = await readFile(file);
        return { ok: true, bytes: new Uint8Array(b.buffer, b.byteOffset, b.byteLength) };
      } catch (e) {
        return { ok: false, reason: code(e) === 'ENOENT' ? 'not-found' : 'read-failed' };
      }
    });

  handleChannel(CHANNEL.readMarker, z.tuple([]), (): string | null => null, async (): Promise<string | null> => {
    try {
      const text = await readFile(places.markerFile(), 'utf8');
      return text.length <= MAX_MARKER_CHARS ? text : null;
    } catch {
      return null;
    }
  });

  handleChannel(CHANNEL.writeMarker, z.tuple([markerText]), (): boolean => false, async (_e, [text]): Promise<boolean> => {
    const file = places.markerFile();
    try {
      if (text === '') {
        await unlink(file).catch((e: unknown) => { if (code(e) !== 'ENOENT') throw e; });
        return true;
      }
      await mkdir(path.dirname(file), { recursive: true });
      await writeFileAtomic(file, new TextEncoder().encode(text));
      return true;
    } catch {
      return false;
    }
  });

  // The page's own deleteDatabase fails on a store damaged on disk; the session removes the
  // origin's IndexedDB files whatever their state (only IndexedDB: localStorage keeps nothing of it).
  handleChannel(CHANNEL.clearDatabaseStorage, z.tuple([]), (): ClearStorageResult => ({ ok: false, reason: 'rejected' }),
    async (e): Promise<ClearStorageResult> => {
      try {
        await e.sender.session.clearStorageData({ origin: APP_ORIGIN, storages: ['indexdb'] });
        return { ok: true };
      } catch {
        return { ok: false, reason: 'failed' };
      }
    });
}
