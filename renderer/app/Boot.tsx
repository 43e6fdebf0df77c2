import { useEffect, useState } from 'react';
import { openDatabase, type OpenResult } from '../db/database';
import { DbProvider } from '../db/context';
import { useT } from '../i18n';
import { App } from './App';
import { ensureDirectory } from '../features/plans/bundled';
import { DataSafetyGate } from '../features/backup/DataSafetyGate';
import { configureBackupsFor } from '../features/backup/configure';
import { platform } from '../platform';

configureBackupsFor(platform);

/** Opens the database once, then hands it to the app; a database from a newer PlanBook is refused, never touched. */
export function Boot() {
  const t = useT();
  const [opened, setOpened] = useState<OpenResult | null>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      const r = await openDatabase();
      if (r.ok) await ensureDirectory(r.db);
      if (live) setOpened(r);
    })();
    void navigator.storage?.persist?.().catch(() => false); // best effort; Settings shows the outcome
    return () => { live = false; };
  }, []);
  if (!opened) return <p className="boot" role="status">{t('app.loading')}</p>;
  if (!opened.ok) {
    const message = opened.reason === 'newer'
      ? t('db.newer', { found: opened.found, known: opened.known })
      : t('db.failed', { message: opened.message });
    return <div className="boot" role="alert"><h1>{t('app.name')}</h1><p>{message}</p></div>;
  }
  return <DbProvider db={opened.db}><DataSafetyGate><App /></DataSafetyGate></DbProvider>;
}
