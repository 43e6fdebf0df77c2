import { useEffect, useState } from 'react';
import { useT } from '../../i18n';
import { RestorePreviewPanel } from './RestorePreviewPanel';
import { StoredList } from './StoredList';
import { backupConfig, onBackupNoted, readMarker } from './service';
import { useBackupActions } from './useBackupActions';
import { useRestore } from './useRestore';
import { when } from './when';

/** Settings: back up now, download a backup, restore from a file or a kept backup. */
export function BackupCard() {
  const t = useT();
  const [refresh, setRefresh] = useState(0);
  const [last, setLast] = useState<string | null>(null);
  const actions = useBackupActions();
  const restore = useRestore(() => setRefresh((n) => n + 1));
  const kind = backupConfig()?.store.kind ?? 'browser';
  useEffect(() => {
    const load = () => void readMarker().then((m) => setLast(m?.lastBackupAt ?? null));
    load();
    return onBackupNoted(load);
  }, [refresh, actions.message]);
  const message = restore.message ?? actions.message;
  return (
    <div className="card backup-card">
      <h2>{t('backup.title')}</h2>
      <p>{last ? t('backup.last', { date: when(last) }) : t('backup.never')}</p>
      {kind === 'browser' && <p className="muted">{t('backup.browserNote')}</p>}
      <div className="actions">
        {kind === 'folder' && <button type="button" className="primary" disabled={actions.busy} onClick={() => void actions.toFolder().then(() => setRefresh((n) => n + 1))}>{t('backup.now')}</button>}
        <button type="button" className={kind === 'browser' ? 'primary' : undefined} disabled={actions.busy} onClick={() => void actions.download()}>{t('backup.download')}</button>
        <button type="button" onClick={() => void restore.pickFile()}>{t('backup.restoreFile')}</button>
      </div>
      {message && <p role={message.error ? 'alert' : 'status'} className={message.error ? 'warning' : undefined}>{message.text}</p>}
      {restore.preview && <RestorePreviewPanel {...restore.preview} onConfirm={() => void restore.confirm()} onCancel={restore.cancel} />}
      <StoredList refresh={refresh} onRestore={(name) => void restore.fromStored(name)} />
    </div>
  );
}
