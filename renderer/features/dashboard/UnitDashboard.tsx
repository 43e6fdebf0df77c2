// A reporting unit's dashboard: its own report for the period (as it stands, exported or not),
// status by section and indicators against their targets, drawn from the same source as its
// printed report.
import { useMemo } from 'react';
import type { PeriodKey, UnitId } from '../../../shared/model/ids';
import type { PlanDocument } from '../../../shared/model/plan';
import { formatDateVi } from '../../../shared/format/vi';
import { indicatorChart, statusChart } from '../../../shared/report/charts';
import { useT } from '../../i18n';
import { ChartFigure } from './ChartFigure';
import { useChartWords } from './chartWords';
import { useUnitSource } from './useDashboard';

type Props = { self: UnitId; doc: PlanDocument; period: PeriodKey; unitName: string };

export function UnitDashboard({ self, doc, period, unitName }: Props) {
  const t = useT();
  const words = useChartWords();
  const data = useUnitSource(self, doc, period);
  const charts = useMemo(() => {
    const source = data?.source ?? null;
    return { status: source ? statusChart(source, words) : null, indicators: source ? indicatorChart(source, words) : null };
  }, [data, words]);
  if (!data) return <p role="status">{t('dashboard.loading')}</p>;
  const { source, model } = data;
  const state = model.state;
  const stateText = state.kind === 'exported' || state.kind === 'changed'
    ? t(`progress.home.state.${state.kind}`, { date: formatDateVi(state.exportedAt.slice(0, 10)), sequence: state.sequence })
    : t(`progress.home.state.${state.kind}`);
  return (
    <>
      {source && <p className="dash-sub">{t('dashboard.asUnit', { unit: unitName, from: formatDateVi(source.window.from), to: formatDateVi(source.window.to) })}</p>}
      <p className="dash-state">{t('progress.home.state')}: <strong className={`state-${state.kind}`}>{stateText}</strong></p>
      <div className="charts">
        <ChartFigure name="status" spec={charts.status} title={t('dashboard.chart.status')} hint={t('dashboard.chart.status.hintUnit')}
          rowHeader={t('dashboard.table.section')} empty={t('dashboard.chart.status.empty')} />
        <ChartFigure name="indicators" spec={charts.indicators} title={t('dashboard.chart.indicators')} hint={t('dashboard.chart.indicators.hint')}
          rowHeader={t('dashboard.table.indicator')}
          columns={[t('dashboard.table.value'), t('dashboard.table.target'), t('dashboard.table.verdict')]} empty={t('dashboard.chart.indicators.empty')} />
      </div>
    </>
  );
}
