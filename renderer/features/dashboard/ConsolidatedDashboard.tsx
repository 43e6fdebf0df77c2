// The consolidating unit's dashboard: the period's submissions at a glance, then status by section,
// indicators against their targets, submissions over the plan's periods and disbursement per year.
// Every figure comes from the core (consolidate, the report source, the history); the screen draws.
import { useMemo } from 'react';
import type { PeriodKey, UnitId } from '../../../shared/model/ids';
import type { PlanDocument } from '../../../shared/model/plan';
import { formatDateVi, formatNumberVi } from '../../../shared/format/vi';
import { formatPeriodEn, formatPeriodVi } from '../../../shared/periods/keys';
import { disbursementChart, indicatorChart, statusChart, submissionChart } from '../../../shared/report/charts';
import { useT } from '../../i18n';
import { useUi } from '../../state';
import { ChartFigure } from './ChartFigure';
import { useChartWords } from './chartWords';
import { UnitsToChase } from './UnitsToChase';
import { useConsolidatedSource, useHistory } from './useDashboard';

type Props = { self: UnitId; doc: PlanDocument; period: PeriodKey; periodLabel: string };

export function ConsolidatedDashboard({ self, doc, period, periodLabel }: Props) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const words = useChartWords();
  const data = useConsolidatedSource(self, doc, period);
  const history = useHistory(self, doc, period);
  const charts = useMemo(() => {
    const source = data?.source ?? null;
    const periodName = lang === 'vi' ? formatPeriodVi : formatPeriodEn;
    return {
      status: source ? statusChart(source, words) : null,
      indicators: source ? indicatorChart(source, words) : null,
      submissions: history ? submissionChart(history.periods.map((h) => ({ label: periodName(h.period), counts: h.counts })), words) : null,
      money: history && history.hasProjects
        ? disbursementChart(history.years.map((y) => ({ label: t('dashboard.year', { year: y.year }), budget: y.budget, disbursed: y.disbursed })), words)
        : null,
    };
  }, [data, history, t, lang, words]);

  if (!data || !history) return <p role="status">{t('dashboard.loading')}</p>;
  const { view } = data;
  const targetColumns = [t('dashboard.table.value'), t('dashboard.table.target'), t('dashboard.table.verdict')];
  const moneyColumns = [t('dashboard.table.disbursed'), t('dashboard.table.budget'), t('dashboard.table.verdict')];
  const counts = view.result.counts;
  const tiles = [
    { key: 'on-time', label: t('dashboard.kpi.onTime'), value: counts['on-time'] },
    { key: 'late', label: t('dashboard.kpi.late'), value: counts.late },
    { key: 'missing', label: t('dashboard.kpi.missing'), value: counts.missing },
    { key: 'conflict', label: t('dashboard.kpi.conflict'), value: counts.conflict },
  ];
  return (
    <>
      <p className="dash-sub">{t('dashboard.asConsolidated', { unit: view.name(view.consolidating), count: counts.expected, due: formatDateVi(view.due) })}</p>
      <ul className="kpis" aria-label={t('dashboard.kpi.label', { period: periodLabel })}>
        {tiles.map((k) => (
          <li key={k.key} className={`kpi kpi-${k.key}`} data-kpi={k.key}>
            <span className="kpi-value">{formatNumberVi(k.value)}</span>
            <span className="kpi-label">{k.label}</span>
            <span className="kpi-of">{t('dashboard.kpi.of', { count: counts.expected })}</span>
          </li>
        ))}
        <li className="kpi kpi-counted" data-kpi="counted">
          <span className="kpi-value">{formatNumberVi(view.result.counted.length)}</span>
          <span className="kpi-label">{t('dashboard.kpi.counted')}</span>
          <span className="kpi-of">{periodLabel}</span>
        </li>
      </ul>
      <UnitsToChase view={view} />
      <div className="charts">
        <ChartFigure name="status" spec={charts.status} title={t('dashboard.chart.status')} hint={t('dashboard.chart.status.hint')}
          rowHeader={t('dashboard.table.section')} empty={t('dashboard.chart.status.empty')} />
        <ChartFigure name="submissions" spec={charts.submissions} title={t('dashboard.chart.submissions')}
          hint={t('dashboard.chart.submissions.hint', { period: periodLabel })} rowHeader={t('dashboard.table.period')} empty="" />
        <ChartFigure name="indicators" spec={charts.indicators} title={t('dashboard.chart.indicators')} hint={t('dashboard.chart.indicators.hint')}
          rowHeader={t('dashboard.table.indicator')} columns={targetColumns} empty={t('dashboard.chart.indicators.empty')} />
        <ChartFigure name="disbursement" spec={charts.money} title={t('dashboard.chart.disbursement')}
          hint={history.hasProjects ? t('dashboard.chart.disbursement.hint') : undefined}
          rowHeader={t('dashboard.table.year')} columns={moneyColumns} empty={t('dashboard.chart.disbursement.none')} />
      </div>
      <p className="muted dash-note">{t('dashboard.printNote')}</p>
    </>
  );
}
