import { useState } from 'react';
import { useDb } from '../../db/context';
import { useT } from '../../i18n';
import { platform } from '../../platform';
import { noteBackup, takeBackup } from './service';

/** Back up now (to the folder of the host) and download a backup file (every host). */
export function useBackupActions() {
  const t = useT();
  const db = useDb();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const run = async (f: () => Promise<{ text: string; error: boolean }>) => {
    setBusy(true);
    try { setMessage(await f()); } finally { setBusy(false); }
  };
  const failed = (reason: string, detail = '') => ({ text: t(`backup.error.${reason}` as 'backup.error.failed', { detail }), error: true });
  const toFolder = () => run(async () => {
    const r = await takeBackup(db, 'manual');
    return r.ok ? { text: t('backup.saved', { file: r.fileName }), error: false } : failed(r.reason, r.detail);
  });
  const download = () => run(async () => {
    const r = await takeBackup(db, 'manual', false);
    if (!r.ok) return failed(r.reason, r.detail);
    const saved = await platform.saveFile({ suggestedName: r.fileName, bytes: r.bytes });
    if (!saved.ok) return failed(saved.reason === 'cancelled' ? 'cancelled' : 'write-failed');
    await noteBackup(db, r.createdAt);
    return { text: t('backup.downloaded', { file: saved.fileName }), error: false };
  });
  return { busy, message, toFolder, download };
}
