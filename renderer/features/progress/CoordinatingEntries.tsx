// Read-only, under the form of an item this unit leads: what the coordinating units reported
// on it in the packages received for the period.
import { formatMoneyVi } from '../../../shared/cells/money';
import { formatDateVi, formatNumberVi, formatPercentVi } from '../../../shared/format/vi';
import type { CoordinatingEntry } from '../../../shared/progress';
import type { UnitId } from '../../../shared/model/ids';
import { useT } from '../../i18n';
import { STATUS_KEY } from './labels';

type Props = { entries: readonly CoordinatingEntry[]; name: (id: UnitId) => string };

function Value({ row }: { row: CoordinatingEntry }) {
  const t = useT();
  const v = row.indicator;
  const p = row.project;
  return (
    <>
      {v && (v.text || v.value !== null) && (
        <div>{t('progress.coord.value', { value: v.text || (v.value !== null ? formatNumberVi(v.value, 2) : '') })}
          {v.numerator !== null && v.value !== null ? ` = ${formatPercentVi(v.value)}` : ''}</div>
      )}
      {p && p.disbursedMillionVnd !== null && <div>{t('progress.preview.money', { amount: formatMoneyVi(p.disbursedMillionVnd) })}</div>}
    </>
  );
}

export function CoordinatingEntries({ entries, name }: Props) {
  const t = useT();
  return (
    <section className="coord" aria-labelledby="coord-title">
      <h3 id="coord-title">{t('progress.coord.title')}</h3>
      <ul className="coord-list">
        {entries.map((r) => {
          const e = r.entry;
          return (
            <li key={r.unitId}>
              <p className="coord-head">
                <strong>{name(r.unitId)}</strong>{' '}
                <span className="muted small">{t('progress.coord.from', { sequence: r.sequence, date: formatDateVi(r.createdAt.slice(0, 10)) })}</span>
              </p>
              <p>
                {e.status ? t(STATUS_KEY[e.status]) : t('progress.coord.noStatus')}
                {e.percent !== null ? ` (${formatPercentVi(e.percent)})` : ''}
                {e.completedOn ? ` · ${t('progress.preview.completedOn', { date: formatDateVi(e.completedOn) })}` : ''}
              </p>
              <Value row={r} />
              {e.result && <p>{e.result}</p>}
              {e.difficulties && <p>{t('progress.preview.difficulties', { text: e.difficulties })}</p>}
              {e.proposals && <p>{t('progress.preview.proposals', { text: e.proposals })}</p>}
              {e.evidence.length > 0 && <p className="small">{t('progress.preview.evidence', {
                text: e.evidence.map((x) => [x.ref, x.date ? formatDateVi(x.date) : '', x.note].filter(Boolean).join(' ')).join('; '),
              })}</p>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
