import { useCallback, useEffect, useState } from 'react';
import Dexie from 'dexie';
import { DB_NAME, openDatabase, type OpenResult } from '../db/database';
import { replaceDamagedDatabase } from '../db/replaceDamaged';
import { DbProvider } from '../db/context';
import { useT } from '../i18n';
import { App } from './App';
import { ensureDirectory } from '../features/plans/bundled';
import { DataSafetyGate } from '../features/backup/DataSafetyGate';
import { OpenFailedScreen } from '../features/backup/OpenFailedScreen';
import { RecoverScreen } from '../features/backup/RecoverScreen';
import { configureBackupsFor } from '../features/backup/configure';
import { backupBefore } from '../features/backup/service';
import { platform } from '../platform';

configureBackupsFor(platform);

type Opened = OpenResult & { recovering?: boolean };

/**
 * Opens the database once, then hands it to the app. A database from a newer PlanBook opens
 * read-only (a banner says so, every write is refused). One that does not open at all gets a
 * screen saying so, with retry and restore from a backup: never a blank start.
 */
export function Boot() {
  const t = useT();
  const [opened, setOpened] = useState<Opened | null>(null);
  const [replaceError, setReplaceError] = useState<string | null>(null);
  const open = useCallback(async (): Promise<Opened> => {
    // A database of an older PlanBook is backed up as it is before this one upgrades it.
    const r = await openDatabase(DB_NAME, { beforeUpgrade: (old) => backupBefore(old, 'before-migration') });
    if (r.ok && !r.readOnly) await ensureDirectory(r.db);
    return r;
  }, []);
  useEffect(() => {
    let live = true;
    void open().then((r) => { if (live) setOpened(r); });
    void navigator.storage?.persist?.().catch(() => false); // best effort; Settings shows the outcome
    return () => { live = false; };
  }, [open]);
  const retry = () => { setOpened(null); void open().then(setOpened); };
  const replace = async () => {
    setReplaceError(null);
    const clearStorage = platform.clearDatabaseStorage?.bind(platform);
    const r = await replaceDamagedDatabase({ deleteDb: () => Dexie.delete(DB_NAME), open: () => openDatabase(), ...(clearStorage ? { clearStorage } : {}) });
    if (r.ok) setOpened({ ...r.opened, recovering: true });
    else if (r.hostCanClear) setReplaceError(t('dbstate.failed.replaceFailed', { message: r.message }));
    else setReplaceError(t('dbstate.failed.replaceFailedBrowser', { message: r.message, origin: location.origin }));
  };
  if (!opened) return <p className="boot" role="status">{t('app.loading')}</p>;
  if (!opened.ok) {
    return <OpenFailedScreen detail={`${opened.name}: ${opened.message}`} onRetry={retry} onReplace={() => void replace()} error={replaceError} />;
  }
  if (opened.recovering) {
    const done = () => void ensureDirectory(opened.db).finally(() => setOpened({ ...opened, recovering: false }));
    return <DbProvider db={opened.db}><RecoverScreen onDone={done} /></DbProvider>;
  }
  return <DbProvider db={opened.db} readOnly={opened.readOnly}><DataSafetyGate><App /></DataSafetyGate></DbProvider>;
}
