// Projects in the merged view: disbursed against budget per project (this period) and, over the
// plan's periods so far, per year. The figures are the core's (projectMoney, disbursementByYear).
import type { ReactNode } from 'react';
import { formatMoneyVi } from '../../../shared/cells/money';
import { readMoney } from '../../../shared/consolidation';
import { projectMoney } from '../../../shared/consolidation/projects';
import { formatPercentVi } from '../../../shared/format/vi';
import type { UnitId } from '../../../shared/model/ids';
import { useT } from '../../i18n';
import { useHistory } from '../dashboard/useDashboard';
import { periodLabel } from './ImportTable';
import type { ConsolidationView } from './useConsolidation';

const money = (n: number | null) => (n === null ? '—' : formatMoneyVi(n));
const share = (n: number | null) => (n === null ? '—' : formatPercentVi(n));

function YearTable({ view }: { view: ConsolidationView }) {
  const t = useT();
  const history = useHistory(view.consolidating as UnitId, view.doc, view.periodKey);
  if (!history || history.years.length === 0) return null;
  return (
    <>
      <h3 id="merged-years">{t('cons.merged.byYear')}</h3>
      <table className="grid narrow" aria-labelledby="merged-years">
        <thead><tr>
          <th scope="col">{t('cons.merged.col.year')}</th><th scope="col">{t('cons.merged.col.yearBudget')}</th>
          <th scope="col">{t('cons.merged.yearDisbursed')}</th><th scope="col">{t('cons.merged.col.share')}</th><th scope="col">{t('cons.merged.col.asOf')}</th>
        </tr></thead>
        <tbody>
          {history.years.map((y) => (
            <tr key={y.year} data-year={y.year}>
              <th scope="row">{y.year}</th>
              <td className="num">{money(y.budget)}</td>
              <td className="num">{money(y.disbursed)}</td>
              <td className="num">{share(y.budget !== null && y.budget > 0 ? (100 * y.disbursed) / y.budget : null)}</td>
              <td>{periodLabel(y.key)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function ProjectsTable({ view, label }: { view: ConsolidationView; label: (itemId: string) => ReactNode }) {
  const t = useT();
  const table = projectMoney(view.doc.items, view.result.items, readMoney);
  if (table.lines.length === 0) return null;
  const year = table.total.year;
  return (
    <section aria-labelledby="merged-projects">
      <h2 id="merged-projects">{t('cons.merged.projects')}</h2>
      <p className="muted">{t('cons.merged.projects.intro', { year })}</p>
      <div className="table-wrap">
        <table className="grid" aria-labelledby="merged-projects">
          <thead><tr>
            <th scope="col">{t('cons.merged.col.content')}</th>
            {table.years.map((y) => <th key={y} scope="col">{t('cons.merged.col.budgetYear', { year: y })}</th>)}
            <th scope="col">{t('cons.merged.col.budgetTotal')}</th><th scope="col">{t('cons.merged.col.disbursed', { year })}</th>
            <th scope="col">{t('cons.merged.col.share')}</th><th scope="col">{t('cons.merged.col.units')}</th>
          </tr></thead>
          <tbody>
            {table.lines.map((l) => (
              <tr key={l.itemId} data-item={l.itemId}>
                <th scope="row">{label(l.itemId)}</th>
                {l.byYear.map((b, i) => <td key={table.years[i]} className="num">{money(b)}</td>)}
                <td className="num">{money(l.budgetTotal)}</td>
                <td className="num strong">{money(l.disbursed)}</td>
                <td className="num">{share(l.share)}</td>
                <td className="num">{l.units}</td>
              </tr>
            ))}
            <tr className="total" data-item="total">
              <th scope="row">{t('cons.merged.total')}</th>
              {table.total.byYear.map((b, i) => <td key={table.years[i]} className="num">{money(b)}</td>)}
              <td className="num">{money(table.total.budgetTotal)}</td>
              <td className="num strong">{money(table.total.disbursed)}</td>
              <td className="num">{share(table.total.share)}</td>
              <td />
            </tr>
          </tbody>
        </table>
      </div>
      <YearTable view={view} />
    </section>
  );
}
