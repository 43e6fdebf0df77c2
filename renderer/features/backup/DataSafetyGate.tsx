import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { judgeStart, type StartVerdict } from '../../../shared/backup';
import { useDb, useDbStatus } from '../../db/context';
import { useT } from '../../i18n';
import { DbStatusBanner } from './DbStatusBanner';
import { LostScreen } from './LostScreen';
import { ReminderBanner } from './ReminderBanner';
import { UnfinishedImportNote } from './UnfinishedImportNote';
import { dailyBackup, readMarker, startOver, syncMarker } from './service';
import { readFacts } from './snapshot';
import './backup.css';

/** Keeps the marker in step with the database: a debounced write whenever a table's count changes. */
function useMarkerSync(enabled: boolean) {
  const db = useDb();
  const counts = useLiveQuery(() => Promise.all(db.tables.map((t) => t.count())).then((c) => c.join(',')), [db]);
  useEffect(() => {
    if (!enabled || counts === undefined) return;
    const timer = setTimeout(() => void syncMarker(db).catch(() => null), 800);
    return () => clearTimeout(timer);
  }, [db, counts, enabled]);
}

/**
 * The cheap check on start (schema version, unit and counts against the marker) before the app:
 * a database that is empty while the marker is not gets the blocking restore screen.
 */
export function DataSafetyGate({ children }: { children: ReactNode }) {
  const t = useT();
  const db = useDb();
  const { readOnly, outdated } = useDbStatus();
  const writable = readOnly === null && !outdated;
  const [verdict, setVerdict] = useState<StartVerdict | null>(null);
  const judge = useCallback(async () => {
    const [marker, facts] = await Promise.all([readMarker(), readFacts(db)]);
    setVerdict(judgeStart(marker, facts));
  }, [db]);
  useEffect(() => { void judge(); }, [judge]);
  const ok = verdict !== null && verdict.kind !== 'lost';
  // A read-only or outdated database is left alone: no marker of a schema this app does not know, no backup of it.
  useMarkerSync(ok && writable);
  useEffect(() => { if (verdict?.kind === 'ok' && writable) void dailyBackup(db); }, [db, verdict, writable]);

  if (!verdict) return <p className="boot" role="status">{t('app.loading')}</p>;
  if (verdict.kind === 'lost') {
    return <LostScreen marker={verdict.marker} onDone={() => void judge()} onStartOver={() => void startOver(db, verdict.marker).then(judge)} />;
  }
  const warnings = verdict.kind === 'ok' ? verdict.warnings : [];
  return (
    <>
      <DbStatusBanner />
      {children}
      <div className="safety-notes">
        {warnings.length > 0 && <p className="safety-note warning" role="alert">{t('integrity.startWarn')}</p>}
        <UnfinishedImportNote />
        <ReminderBanner />
      </div>
    </>
  );
}
