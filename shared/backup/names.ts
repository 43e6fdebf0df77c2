// Backup file names carry their creation time and reason, so a folder listing is enough to apply
// the rotation policy (file times change when a folder is copied; names do not).
import { BACKUP_REASONS, type BackupReason } from './format';

const NAME = /^planbook-backup_(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z_([a-z-]{1,32})\.json$/u;

/** `planbook-backup_20240511T020304005Z_before-import.json` (UTC, ASCII, safe on every disk). */
export function backupFileName(createdAt: string, reason: BackupReason): string {
  const d = new Date(createdAt);
  const iso = Number.isNaN(d.getTime()) ? new Date(0).toISOString() : d.toISOString();
  return `planbook-backup_${iso.replace(/[-:]/gu, '').replace('.', '')}_${reason}.json`;
}

export type BackupFileInfo = { name: string; createdAt: string; reason: BackupReason };

/** The time and reason a backup name carries, or null for any other file. */
export function parseBackupFileName(name: string): BackupFileInfo | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms, reason] = m;
  if (!(BACKUP_REASONS as readonly string[]).includes(reason ?? '')) return null;
  const createdAt = `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`;
  if (Number.isNaN(Date.parse(createdAt))) return null;
  return { name, createdAt, reason: reason as BackupReason };
}
