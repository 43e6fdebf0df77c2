import { useState } from 'react';
import type { Marker } from '../../../shared/backup';
import type { UnitId } from '../../../shared/model/ids';
import { useT } from '../../i18n';
import { useUnit } from '../units/unitsRepo';
import { RestorePreviewPanel } from './RestorePreviewPanel';
import { StoredList } from './StoredList';
import { useRestore } from './useRestore';
import { when } from './when';

/**
 * Blocking: the database is empty but the marker says this computer had a unit's data. Never a
 * blank first start that hides the loss; restore from a file, a kept backup, or knowingly start over.
 */
export function LostScreen({ marker, onDone, onStartOver }: { marker: Marker; onDone: () => void; onStartOver: () => void }) {
  const t = useT();
  const unit = useUnit(marker.unitId as UnitId);
  const restore = useRestore(onDone);
  const [understood, setUnderstood] = useState(false);
  return (
    <section className="page lost" aria-labelledby="lost-title">
      <h1 id="lost-title">{t('lost.title')}</h1>
      <div className="card" role="alert">
        <p>{t('lost.body', { unit: unit?.name ?? marker.unitId, date: when(marker.updatedAt), entries: marker.counts.entries ?? 0, received: marker.counts.received ?? 0 })}</p>
        {marker.sequences.length > 0 && <p>{t('lost.sequences', { count: marker.sequences.length })}</p>}
      </div>
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
    </section>
  );
}
