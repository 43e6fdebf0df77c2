import type { EvidenceDraft, FieldError } from '../../../shared/progress';
import { emptyEvidence } from '../../../shared/progress';
import { useT } from '../../i18n';
import { fieldErrorText } from './labels';

type Props = { idPrefix: string; rows: EvidenceDraft[]; errors: FieldError[]; onChange: (rows: EvidenceDraft[]) => void };

/** Several documents per item: number (9124/KH-UBND), date, short note. */
export function EvidenceRows({ idPrefix, rows, errors, onChange }: Props) {
  const t = useT();
  const set = (i: number, patch: Partial<EvidenceDraft>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="evidence">
      <legend>{t('progress.evidence')}</legend>
      {rows.length === 0 && <p className="muted small">{t('progress.evidence.none')}</p>}
      {rows.map((r, i) => {
        const err = errors.find((e) => e.field === `evidence.${i}.date`);
        const id = `${idPrefix}-ev${i}`;
        return (
          <div className="evidence-row" key={i} role="group" aria-label={t('progress.evidence.row', { n: i + 1 })}>
            <input id={`${id}-ref`} type="text" value={r.ref} aria-label={`${t('progress.evidence.ref')} ${i + 1}`} placeholder={t('progress.evidence.ref')}
              onChange={(e) => set(i, { ref: e.target.value })} />
            <input id={`${id}-date`} type="text" value={r.date} aria-label={`${t('progress.evidence.date')} ${i + 1}`} placeholder={t('progress.field.datePlaceholder')}
              aria-invalid={err ? true : undefined} aria-describedby={err ? `${id}-date-error` : undefined}
              onChange={(e) => set(i, { date: e.target.value })} />
            <input id={`${id}-note`} type="text" value={r.note} aria-label={`${t('progress.evidence.note')} ${i + 1}`} placeholder={t('progress.evidence.note')}
              onChange={(e) => set(i, { note: e.target.value })} />
            <button type="button" onClick={() => onChange(rows.filter((_, j) => j !== i))} aria-label={t('progress.evidence.remove', { n: i + 1 })}>×</button>
            {err && <span id={`${id}-date-error`} className="field-error" role="alert">{fieldErrorText(t, err)}</span>}
          </div>
        );
      })}
      <button type="button" onClick={() => {
        onChange([...rows, emptyEvidence()]);
        setTimeout(() => document.getElementById(`${idPrefix}-ev${rows.length}-ref`)?.focus(), 0);
      }}>{t('progress.evidence.add')}</button>
    </fieldset>
  );
}
