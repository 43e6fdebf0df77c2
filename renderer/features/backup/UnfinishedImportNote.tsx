import { useState } from 'react';
import { useT } from '../../i18n';
import { clearImportJournal, readImportJournal, unfinishedFiles } from './importJournal';
import { when } from './when';

const SHOWN = 5;

/** After an import cut off (the app closed or crashed mid-way): which files were not finished. */
export function UnfinishedImportNote() {
  const t = useT();
  // Read once, at start: an import running now in this window started after it.
  const [journal, setJournal] = useState(() => {
    const j = readImportJournal();
    if (j && unfinishedFiles(j).length === 0) { clearImportJournal(); return null; }
    return j;
  });
  if (!journal) return null;
  const files = unfinishedFiles(journal);
  const close = () => { clearImportJournal(); setJournal(null); };
  return (
    <aside className="safety-note warning" role="alert" aria-label={t('importJournal.title')}>
      <p>{t('importJournal.body', { date: when(journal.startedAt), count: files.length, total: journal.names.length })}</p>
      <ul className="unfinished-files">
        {files.slice(0, SHOWN).map((f, i) => <li key={i}>{f}</li>)}
        {files.length > SHOWN && <li>{t('importJournal.more', { count: files.length - SHOWN })}</li>}
      </ul>
      <button type="button" onClick={close}>{t('importJournal.close')}</button>
    </aside>
  );
}
