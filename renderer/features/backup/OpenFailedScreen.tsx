import { useState } from 'react';
import { useT } from '../../i18n';
import './backup.css';

/**
 * The database would not open (damaged on disk, a browser error): say so, with the technical
 * detail folded, and offer to try again or to replace it by a backup. Never a blank start.
 */
export function OpenFailedScreen({ detail, onRetry, onReplace, error }: { detail: string; onRetry: () => void; onReplace: () => void; error: string | null }) {
  const t = useT();
  const [understood, setUnderstood] = useState(false);
  return (
    <section className="page lost" aria-labelledby="open-failed-title">
      <h1 id="open-failed-title">{t('dbstate.failed.title')}</h1>
      <div className="card" role="alert">
        <p>{t('dbstate.failed.body')}</p>
        <details>
          <summary>{t('dbstate.failed.detail')}</summary>
          <pre className="technical">{detail}</pre>
        </details>
      </div>
      <div className="card">
        <button type="button" className="primary" onClick={onRetry}>{t('dbstate.failed.retry')}</button>
      </div>
      <div className="card">
        <label className="inline">
          <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} />
          <span>{t('dbstate.failed.confirm')}</span>
        </label>
        <button type="button" disabled={!understood} onClick={onReplace}>{t('dbstate.failed.restore')}</button>
        {error && <p role="alert" className="warning">{error}</p>}
      </div>
    </section>
  );
}
