import type { Marker } from '../../../shared/backup';
import type { UnitId } from '../../../shared/model/ids';
import { useT } from '../../i18n';
import { useUnit } from '../units/unitsRepo';
import { RestoreChoices } from './RestoreChoices';
import { when } from './when';

/**
 * Blocking: the database is empty but the marker says this computer had a unit's data. Never a
 * blank first start that hides the loss; restore from a file, a kept backup, or knowingly start over.
 */
export function LostScreen({ marker, onDone, onStartOver }: { marker: Marker; onDone: () => void; onStartOver: () => void }) {
  const t = useT();
  const unit = useUnit(marker.unitId as UnitId);
  return (
    <section className="page lost" aria-labelledby="lost-title">
      <h1 id="lost-title">{t('lost.title')}</h1>
      <div className="card" role="alert">
        <p>{t('lost.body', { unit: unit?.name ?? marker.unitId, date: when(marker.updatedAt), entries: marker.counts.entries ?? 0, received: marker.counts.received ?? 0 })}</p>
        {marker.sequences.length > 0 && <p>{t('lost.sequences', { count: marker.sequences.length })}</p>}
      </div>
      <RestoreChoices onRestored={onDone} onStartOver={onStartOver} />
    </section>
  );
}
