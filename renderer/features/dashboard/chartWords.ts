// The words the dashboard's charts speak, in the UI language. The printed report always speaks
// CHART_WORDS_VI (a legal format); in Vietnamese these are the same words, so the dashboard's
// charts stay "the charts of the printed report". Numbers stay Vietnamese in both languages.
import { useMemo } from 'react';
import type { ChartWords } from '../../../shared/report/charts';
import type { EntryStatus } from '../../../shared/model/report';
import { useT, type Translate } from '../../i18n';

export function chartWordsOf(t: Translate): ChartWords {
  const legend = (format: 'percent' | 'money') => ({
    mark: t(`dashboard.words.legend.${format}.mark`), met: t(`dashboard.words.legend.${format}.met`), unmet: t(`dashboard.words.legend.${format}.unmet`),
  });
  // The progress screen's own status names, so a status reads the same on every screen.
  const status = (s: EntryStatus) => t(`progress.status.${s}`);
  return {
    title: {
      status: t('dashboard.words.title.status'), indicators: t('dashboard.words.title.indicators'),
      submissions: t('dashboard.words.title.submissions'), disbursement: t('dashboard.words.title.disbursement'),
    },
    status: {
      done: status('done'), 'done-late': status('done-late'), 'in-progress': status('in-progress'),
      'not-started': status('not-started'), 'carried-over': status('carried-over'), dropped: status('dropped'),
    },
    submission: { 'on-time': t('dashboard.kpi.onTime'), late: t('dashboard.kpi.late'), missing: t('dashboard.kpi.missing') },
    kind: { tasks: t('dashboard.words.kind.tasks'), indicators: t('dashboard.words.kind.indicators') },
    total: t('dashboard.words.total'),
    table: {
      value: t('dashboard.words.value'), target: t('dashboard.words.target'), verdict: t('dashboard.words.verdict'),
      met: t('dashboard.words.met'), unmet: t('dashboard.words.unmet'),
    },
    legend: { percent: legend('percent'), money: legend('money') },
  };
}

export function useChartWords(): ChartWords {
  const t = useT();
  return useMemo(() => chartWordsOf(t), [t]);
}
