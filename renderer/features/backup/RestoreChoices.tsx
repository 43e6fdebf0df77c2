import { useState } from 'react';
import { useT } from '../../i18n';
import { RestorePreviewPanel } from './RestorePreviewPanel';
import { StoredList } from './StoredList';
import { useRestore } from './useRestore';

/**
 * What a screen offers after data was lost: restore from a file or a kept backup (with its
 * preview), or start over only after ticking that the loss is understood.
 */
export function RestoreChoices({ onRestored, onStartOver }: { onRestored: () => void; onStartOver: () => void }) {
  const t = useT();
  const restore = useRestore(onRestored);
  const [understood, setUnderstood] = useState(false);
  return (
    <>
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
        <button type="button" disabled={!understood} onClick={onStartOver}>{t('lost.startOver')}</button>
      </div>
    </>
  );
}
