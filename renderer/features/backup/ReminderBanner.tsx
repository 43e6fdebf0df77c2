import { useEffect, useState } from 'react';
import { backupDue } from '../../../shared/backup';
import { useT } from '../../i18n';
import { selfRepo } from '../self/selfRepo';
import { useDb } from '../../db/context';
import { backupConfig, onBackupNoted, readMarker } from './service';
import { useBackupActions } from './useBackupActions';

/**
 * Browser only (Electron backs up to its folder daily): a reminder when the last backup to a file
 * is older than 7 days, counted from setup when there was none.
 */
export function ReminderBanner() {
  const t = useT();
  const db = useDb();
  const actions = useBackupActions();
  const [due, setDue] = useState<'never' | 'old' | null>(null);
  const [closed, setClosed] = useState(false);
  useEffect(() => {
    if (backupConfig()?.store.kind !== 'browser') return;
    const check = async () => {
      const [marker, self] = await Promise.all([readMarker(), selfRepo.get(db)]);
      if (!self) return setDue(null);
      const last = marker?.lastBackupAt ?? null;
      setDue(backupDue(last ?? self.setUpAt, new Date().toISOString(), 7) ? (last ? 'old' : 'never') : null);
    };
    void check();
    return onBackupNoted(() => void check());
  }, [db]);
  if (!due || closed) return null;
  return (
    <aside className="safety-note reminder" aria-label={t('backup.title')}>
      <p>{t(due === 'never' ? 'backup.reminder.never' : 'backup.reminder')}</p>
      <button type="button" className="primary" disabled={actions.busy} onClick={() => void actions.download()}>{t('backup.reminder.action')}</button>
      <button type="button" onClick={() => setClosed(true)}>{t('backup.reminder.close')}</button>
    </aside>
  );
}
