import { useId, useState } from 'react';
import { useT } from '../../i18n';
import { RestorePreviewPanel } from './RestorePreviewPanel';
import { StoredList } from './StoredList';
import { useRestore } from './useRestore';

/**
 * Where a restore can come from: a chosen file or a kept backup, each previewed (in a card of its
 * own, below) before it is confirmed. With a title, the card is a named region.
 */
export function RestoreSources({ onRestored, title, intro }: { onRestored?: () => void; title?: string; intro?: string }) {
  const t = useT();
  const restore = useRestore(onRestored);
  const titleId = useId();
  return (
    <>
      <section className="card" aria-labelledby={title ? titleId : undefined}>
        {title && <h2 id={titleId}>{title}</h2>}
        {intro && <p>{intro}</p>}
        <button type="button" className="primary" onClick={() => void restore.pickFile()}>{t('lost.restoreFile')}</button>
        {restore.message && <p role={restore.message.error ? 'alert' : 'status'} className={restore.message.error ? 'warning' : undefined}>{restore.message.text}</p>}
        <StoredList refresh={0} onRestore={(name) => void restore.fromStored(name)} />
      </section>
      {restore.preview && <RestorePreviewPanel {...restore.preview} onConfirm={() => void restore.confirm()} onCancel={restore.cancel} />}
    </>
  );
}

/**
 * What a screen offers after data was lost: restore from a file or a kept backup (with its
 * preview), or start over only after ticking that the loss is understood.
 */
export function RestoreChoices({ onRestored, onStartOver }: { onRestored: () => void; onStartOver: () => void }) {
  const t = useT();
  const [understood, setUnderstood] = useState(false);
  return (
    <>
      <RestoreSources onRestored={onRestored} />
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

/** On the setup screen of an empty database: a new computer, a reinstall, a cleared browser. */
export function SetupRestore() {
  const t = useT();
  return <RestoreSources title={t('setup.restore.title')} intro={t('setup.restore.intro')} />;
}
