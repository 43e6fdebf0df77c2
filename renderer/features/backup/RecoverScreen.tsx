import { useState } from 'react';
import { useT } from '../../i18n';
import { RestorePreviewPanel } from './RestorePreviewPanel';
import { StoredList } from './StoredList';
import { useRestore } from './useRestore';
import './backup.css';

/**
 * After a damaged database was replaced by an empty one: restore from a file or a kept backup.
 * Starting over is possible only knowingly (the same tick as the lost-database screen).
 */
export function RecoverScreen({ onDone }: { onDone: () => void }) {
  const t = useT();
  const restore = useRestore(onDone);
  const [understood, setUnderstood] = useState(false);
  return (
    <section className="page lost" aria-labelledby="recover-title">
      <h1 id="recover-title">{t('dbstate.recover.title')}</h1>
      <div className="card" role="alert"><p>{t('dbstate.recover.body')}</p></div>
      <div className="card">
        <button type="button" className="primary" onClick={() => void restore.pickFile()}>{t('lost.restoreFile')}</button>
        {restore.message && <p role={restore.message.error ? 'alert' : 'status'} className={restore.message.error ? 'warning' : undefined}>{restore.message.text}</p>}
        <StoredList refresh={0} onRestore={(name) => void restore.fromStored(name)} />
      </div>
      {restore.preview && <RestorePreviewPanel {...restore.preview} onConfirm={() => void restore.confirm()} onCancel={restore.cancel} />}
      <div className="card">
        <label className="inline">
          <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} />
          <span>{t('lost.startOver.confirm')}</span>
        </label>
        <button type="button" disabled={!understood} onClick={onDone}>{t('lost.startOver')}</button>
      </div>
    </section>
  );
}
