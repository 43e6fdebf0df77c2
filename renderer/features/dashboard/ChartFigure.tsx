// One chart of the dashboard: its title, the SVG the report core draws (role="img", named by its
// numbers), and the same numbers as a real table under it. The SVG uses presentation attributes
// only, so the app's CSP (no inline styles) lets it render as it prints.
import { useId, useMemo } from 'react';
import { chartTable, renderChartSvg, type ChartSpec } from '../../../shared/report/charts';
import { useT } from '../../i18n';
import { useChartWords } from './chartWords';

type Props = {
  /** The chart, or null when there is nothing to draw (then `empty` is said instead). */
  spec: ChartSpec | null;
  title: string;
  hint?: string;
  /** What the first column holds (`Nhóm`, `Kỳ báo cáo`…). */
  rowHeader: string;
  /** Headers of the other columns when the chart's own are not precise enough (`Chỉ tiêu giao`, `Kế hoạch vốn`). */
  columns?: readonly string[];
  empty: string;
  /** A stable name for tests and styles (`status`, `submissions`…). */
  name: string;
};

export function ChartFigure({ spec, title, hint, rowHeader, columns, empty, name }: Props) {
  const t = useT();
  const id = useId();
  // The report core draws it, in the UI language's words (the printed report keeps its Vietnamese).
  const words = useChartWords();
  const svg = useMemo(() => (spec ? renderChartSvg(spec, words) : ''), [spec, words]);
  const table = useMemo(() => (spec ? chartTable(spec, words) : []), [spec, words]);
  const [head = [], ...rows] = table;
  return (
    <figure className="chart-card" aria-labelledby={`${id}-title`} data-chart={name}>
      <figcaption>
        <h2 id={`${id}-title`}>{title}</h2>
        {hint && <p className="chart-hint">{hint}</p>}
      </figcaption>
      {!spec ? <p className="chart-empty" role="note">{empty}</p> : (
        <>
          <div className="chart-svg" dangerouslySetInnerHTML={{ __html: svg }} />
          <details className="chart-data">
            <summary>{t('dashboard.table.show')}</summary>
            <div className="table-wrap">
              <table className="grid">
                <caption className="visually-hidden">{title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{rowHeader}</th>
                    {head.slice(1).map((h, j) => <th key={h} scope="col" className="num">{columns?.[j] ?? h}</th>)}
                  </tr>
                </thead>
                <tbody>
                  {rows.map(([label = '', ...cells], i) => (
                    <tr key={`${i}-${label}`}>
                      <th scope="row">{label}</th>
                      {cells.map((c, j) => <td key={j} className={spec.kind === 'target-bar' && j === cells.length - 1 ? 'verdict' : 'num'}>{c}</td>)}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </figure>
  );
}
