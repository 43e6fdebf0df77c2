import { useEffect, useRef } from 'react';
import type { RestorePreview } from '../../../shared/backup';
import type { UnitId } from '../../../shared/model/ids';
import { useT, type MessageKey } from '../../i18n';
import { useUnit } from '../units/unitsRepo';
import { when } from './when';

/** What a backup holds beside what the database holds now, and the confirmation. */
export function RestorePreviewPanel({ preview, busy, onConfirm, onCancel }: { preview: RestorePreview; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const t = useT();
  const unit = useUnit(preview.unitId as UnitId | null);
  const ref = useRef<HTMLElement>(null);
  useEffect(() => { ref.current?.scrollIntoView?.({ block: 'start' }); }, [preview]);
  const lines = [...preview.tables].sort((a, b) => rank(a.table) - rank(b.table));
  return (
    <section ref={ref} className="card backup-preview" aria-labelledby="backup-preview-title">
      <h2 id="backup-preview-title">{t('backup.preview.title')}</h2>
      <p><strong>{t('backup.preview.unit', { unit: unit?.name ?? preview.unitId ?? '—' })}</strong></p>
      <p>{t('backup.preview.created', { date: when(preview.createdAt), reason: t(`backup.reason.${preview.reason}`), app: preview.app })}</p>
      {preview.sameUnit === false && <p className="warning" role="alert">{t('backup.preview.otherUnit')}</p>}
      <table className="backup-table">
        <thead><tr><th scope="col">{t('backup.preview.table')}</th><th scope="col">{t('backup.preview.inBackup')}</th><th scope="col">{t('backup.preview.now')}</th></tr></thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.table}><th scope="row">{t(`backup.table.${l.table}` as MessageKey)}</th><td>{l.inBackup}</td><td>{l.now}</td></tr>
          ))}
        </tbody>
      </table>
      {preview.keptSequences.length > 0 && <p>{t('backup.preview.kept', { count: preview.keptSequences.length })}</p>}
      <p className="warning">{t('backup.preview.warning')}</p>
      <div className="actions">
        <button type="button" className="primary" disabled={busy} onClick={onConfirm}>{busy ? t('backup.restoring') : t('backup.confirm')}</button>
        <button type="button" disabled={busy} onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </section>
  );
}

/** The officer's order: who, what plan, what was reported, what was exchanged, then the log. */
const ORDER = ['settings', 'units', 'groups', 'plans', 'sections', 'items', 'entries', 'sequences', 'exported', 'received', 'trust', 'audit'];
const rank = (t: string) => (ORDER.includes(t) ? ORDER.indexOf(t) : ORDER.length);
