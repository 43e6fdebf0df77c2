import { useEffect, useState } from 'react';
import { useT, type MessageKey } from '../../i18n';
import { backupConfig } from './service';
import type { StoredBackup } from './store';
import { sizeOf, when } from './when';

/** The kept automatic backups, newest first, each restorable. */
export function StoredList({ onRestore, refresh }: { onRestore: (name: string) => void; refresh: number }) {
  const t = useT();
  const [files, setFiles] = useState<StoredBackup[] | null>(null);
  useEffect(() => {
    let live = true;
    void (backupConfig()?.store.list() ?? Promise.resolve([])).then((f) => { if (live) setFiles([...f].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))); });
    return () => { live = false; };
  }, [refresh]);
  if (!files) return null;
  return (
    <div>
      <h3>{t('backup.list')}</h3>
      {files.length === 0 ? <p className="muted">{t('backup.list.empty')}</p> : (
        <ul className="backup-list">
          {files.slice(0, 12).map((f) => (
            <li key={f.name}>
              <span>{t('backup.list.item', { date: when(f.createdAt), reason: t(`backup.reason.${f.reason}` as MessageKey), size: sizeOf(f.size) })}</span>
              <button type="button" aria-label={t('backup.list.restore', { date: when(f.createdAt) })} onClick={() => onRestore(f.name)}>{t('backup.confirm')}</button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
