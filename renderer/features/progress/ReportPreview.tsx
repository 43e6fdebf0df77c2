// A plain, printable view of exactly the payload that would be signed (the official format comes later).
import { useMemo } from 'react';
import { formatMoneyVi } from '../../../shared/cells/money';
import { formatDateVi, formatNumberVi, formatPercentVi } from '../../../shared/format/vi';
import { useT } from '../../i18n';
import { platform } from '../../platform';
import { exportFileName } from '../../../shared/progress';
import { STATUS_KEY } from './labels';
import { useUnit } from '../units/unitsRepo';
import type { ReportModel } from './useReport';

type Props = { model: ReportModel; periodLabel: string; sequence: number; onClose: () => void };

export function ReportPreview({ model, periodLabel, sequence, onClose }: Props) {
  const t = useT();
  const { payload } = model;
  const unit = useUnit(model.key.unitId);
  const items = useMemo(() => new Map(model.assigned.map((a) => [a.item.id as string, a.item])), [model.assigned]);
  const ind = new Map(payload.indicatorValues.map((v) => [v.itemId as string, v]));
  const proj = new Map(payload.projectValues.map((v) => [v.itemId as string, v]));
  const print = () => void platform.print({ suggestedName: exportFileName(model.key.unitId, model.key.planId, model.key.period, sequence).replace(/\.planbook\.json$/u, '.pdf'), landscape: false });

  return (
    <article className="report-preview" aria-labelledby="preview-title">
      <div className="actions left no-print">
        <button type="button" className="primary" onClick={print}>{t('progress.export.print')}</button>
        <button type="button" onClick={onClose}>{t('progress.export.closePreview')}</button>
      </div>
      <h2 id="preview-title">{t('progress.preview.title', { plan: model.doc.plan.title.toLocaleUpperCase('vi') })}</h2>
      <p className="preview-meta">{t('progress.preview.meta', { unit: unit?.name ?? model.key.unitId, period: periodLabel, sequence })}</p>
      {payload.narrative && <p className="preview-narrative">{payload.narrative}</p>}
      <table className="preview-table">
        <thead>
          <tr>
            <th scope="col">{t('progress.preview.col.no')}</th><th scope="col">{t('progress.preview.col.content')}</th>
            <th scope="col">{t('progress.preview.col.status')}</th><th scope="col">{t('progress.preview.col.result')}</th>
            <th scope="col">{t('progress.preview.col.value')}</th>
          </tr>
        </thead>
        <tbody>
          {payload.entries.map((e) => {
            const item = items.get(e.itemId);
            const v = ind.get(e.itemId);
            const p = proj.get(e.itemId);
            return (
              <tr key={e.itemId}>
                <td>{item?.no}</td>
                <td>{item?.content}</td>
                <td>{e.status ? t(STATUS_KEY[e.status]) : '—'}{e.percent !== null ? ` (${formatPercentVi(e.percent)})` : ''}
                  {e.completedOn && <div className="small">{t('progress.preview.completedOn', { date: formatDateVi(e.completedOn) })}</div>}</td>
                <td>
                  {e.result && <div>{e.result}</div>}
                  {e.difficulties && <div>{t('progress.preview.difficulties', { text: e.difficulties })}</div>}
                  {e.proposals && <div>{t('progress.preview.proposals', { text: e.proposals })}</div>}
                  {e.evidence.length > 0 && <div className="small">{t('progress.preview.evidence', {
                    text: e.evidence.map((x) => [x.ref, x.date ? formatDateVi(x.date) : '', x.note].filter(Boolean).join(' ')).join('; '),
                  })}</div>}
                </td>
                <td>
                  {v && <div>{v.text}{v.numerator !== null && v.value !== null ? ` = ${formatPercentVi(v.value)}` : ''}
                    {v.numerator === null && v.value !== null && v.text === '' ? formatNumberVi(v.value, 2) : ''}</div>}
                  {p && p.disbursedMillionVnd !== null && <div>{t('progress.preview.money', { amount: formatMoneyVi(p.disbursedMillionVnd) })}</div>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </article>
  );
}
