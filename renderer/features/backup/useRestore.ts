import { useState } from 'react';
import type { RestorePreview, Backup } from '../../../shared/backup';
import { useDb } from '../../db/context';
import { useT } from '../../i18n';
import { platform } from '../../platform';
import { confirmRestore, prepareRestore } from './restoreFlow';
import { backupConfig } from './service';
import { when } from './when';

type State = { step: 'idle' } | { step: 'preview'; backup: Backup; preview: RestorePreview } | { step: 'restoring'; backup: Backup; preview: RestorePreview };

/** Restore from a chosen file or a kept backup: preview first, then confirm. */
export function useRestore(onRestored?: () => void) {
  const t = useT();
  const db = useDb();
  const [state, setState] = useState<State>({ step: 'idle' });
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const open = async (bytes: Uint8Array | null) => {
    if (!bytes) return setMessage({ text: t('backup.parse.unreadable'), error: true });
    const p = await prepareRestore(db, bytes);
    if (!p.ok) return setMessage({ text: t(`backup.parse.${p.reason}`), error: true });
    setMessage(null);
    setState({ step: 'preview', backup: p.backup, preview: p.preview });
  };
  const pickFile = async () => {
    const r = await platform.openFiles({ accept: ['json'], multiple: false });
    if (!r.ok) return r.reason === 'cancelled' ? undefined : setMessage({ text: t('backup.parse.unreadable'), error: true });
    await open(r.files[0]?.bytes ?? null);
  };
  const fromStored = async (name: string) => open((await backupConfig()?.store.read(name)) ?? null);
  const confirm = async () => {
    if (state.step !== 'preview') return;
    setState({ ...state, step: 'restoring' });
    const r = await confirmRestore(db, state.backup);
    setState({ step: 'idle' });
    if (r.ok) {
      setMessage({ text: t('backup.restored', { date: when(state.backup.header.createdAt) }), error: false });
      onRestored?.();
    } else {
      const reason = r.reason === 'snapshot-failed' ? t('backup.restore.snapshotFailed') : r.reason === 'quota' ? t('backup.error.quota') : r.detail;
      setMessage({ text: t('backup.restore.failed', { message: reason }), error: true });
    }
  };
  const cancel = () => setState({ step: 'idle' });
  const preview = state.step === 'idle' ? null : { preview: state.preview, busy: state.step === 'restoring' };
  return { preview, message, pickFile, fromStored, confirm, cancel };
}
