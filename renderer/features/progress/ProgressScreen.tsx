import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import type { PeriodKey, PlanId } from '../../../shared/model/ids';
import { formatPeriodEn, formatPeriodVi, parsePeriodKey } from '../../../shared/periods/keys';
import type { SelfRecord } from '../../db/records';
import { useDb } from '../../db/context';
import { useT, type MessageKey } from '../../i18n';
import { useUi } from '../../state';
import type { ProgressTab } from '../../state/progressUi';
import { usePlans } from '../plans/plansRepo';
import { autosaverFor } from './autosave';
import { planPeriods, todayVn, useReport } from './useReport';
import { HomePanel } from './HomePanel';
import { EntryPanel } from './EntryPanel';
import { ExportPanel } from './ExportPanel';
import { useStartPeriod } from './useStartPeriod';
import { recoverNarrative } from './NarrativeEditor';
import './progress.css';

const TABS: { tab: ProgressTab; label: MessageKey }[] = [
  { tab: 'home', label: 'progress.tab.home' },
  { tab: 'entry', label: 'progress.tab.entry' },
  { tab: 'export', label: 'progress.tab.export' },
];

export function ProgressScreen({ self }: { self: SelfRecord }) {
  const t = useT();
  const db = useDb();
  const lang = useUi((s) => s.lang);
  const plans = usePlans();
  // One selector each: the whole store would redraw the screen (and the list) on every keystroke.
  const reportPlanId = useUi((s) => s.reportPlanId);
  const reportPeriod = useUi((s) => s.reportPeriod);
  const progressTab = useUi((s) => s.progressTab);
  const setReportPlan = useUi((s) => s.setReportPlan);
  const setReportPeriod = useUi((s) => s.setReportPeriod);
  const setProgressTab = useUi((s) => s.setProgressTab);
  const [notice, setNotice] = useState('');
  const saver = autosaverFor(db);

  const planId = reportPlanId ?? plans?.[0]?.id ?? null;
  const plan = plans?.find((p) => p.id === planId) ?? null;
  const periods = useMemo(() => (plan ? planPeriods(plan, todayVn()) : { periods: [], current: null }), [plan]);
  const period = reportPeriod && periods.periods.includes(reportPeriod) ? reportPeriod : periods.current;
  const model = useReport(self.unitId, planId, period);
  const carriedFrom = useStartPeriod(model);

  useEffect(() => {
    saver.onError = (message) => setNotice(t('progress.saveFailed', { message }));
    void Promise.all([saver.recover(), recoverNarrative(db)]).then(([n, narrative]) => {
      const count = n + (narrative ? 1 : 0);
      if (count > 0) setNotice(t('progress.recovered', { count }));
    });
  }, [saver, db, t]);

  const label = (k: PeriodKey) => {
    const p = parsePeriodKey(k);
    return p ? (lang === 'vi' ? formatPeriodVi(p) : formatPeriodEn(p)) : k;
  };
  // Read the event's value before awaiting: React puts a controlled select back meanwhile.
  const switchTo = async (fn: () => void) => { await saver.flush(); setNotice(''); fn(); };

  const onKeyDown = (e: KeyboardEvent) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    const k = e.key.toLowerCase();
    const redo = k === 'y' || (k === 'z' && e.shiftKey);
    if (k !== 'z' && k !== 'y') return;
    e.preventDefault();
    void (redo ? saver.redo() : saver.undo()).then((ok) =>
      setNotice(t(ok ? (redo ? 'progress.redone' : 'progress.undone') : (redo ? 'progress.nothingToRedo' : 'progress.nothingToUndo'))));
  };

  if (plans && plans.length === 0) return <section className="page"><h1>{t('progress.title')}</h1><p>{t('progress.noPlans')}</p></section>;

  return (
    <section className="page progress" aria-labelledby="progress-title" onKeyDown={onKeyDown}>
      <header className="progress-head">
        <h1 id="progress-title">{t('progress.title')}</h1>
        <div className="inline grow">
          <label htmlFor="progress-plan">{t('progress.plan')}</label>
          <select id="progress-plan" value={planId ?? ''} onChange={(e) => { const id = e.target.value as PlanId; void switchTo(() => setReportPlan(id)); }}>
            {(plans ?? []).map((p) => <option key={p.id} value={p.id}>{p.title}</option>)}
          </select>
        </div>
        <div className="inline">
          <label htmlFor="progress-period">{t('progress.period')}</label>
          <select id="progress-period" value={period ?? ''} onChange={(e) => { const k = e.target.value as PeriodKey; void switchTo(() => setReportPeriod(k)); }}>
            {periods.periods.map((k) => <option key={k} value={k}>{label(k)}</option>)}
          </select>
        </div>
      </header>
      <nav className="progress-tabs" aria-label={t('progress.tabs')}>
        {TABS.map((x) => (
          <button key={x.tab} type="button" aria-current={progressTab === x.tab ? 'step' : undefined}
            onClick={() => void switchTo(() => setProgressTab(x.tab))}>{t(x.label)}</button>
        ))}
        <p className="progress-notice" role="status" aria-live="polite">
          {carriedFrom ? t('progress.carried', { period: label(carriedFrom) }) : ''} {notice}
        </p>
      </nav>
      {!period && <p>{t('progress.noPeriods')}</p>}
      {period && model === undefined && <p role="status">{t('progress.loading')}</p>}
      {model && !model.rolesKnown && <p className="warning small">{t('progress.allItems')}</p>}
      {model && progressTab === 'home' && <HomePanel model={model} plan={plan} periodLabel={label(model.key.period)} />}
      {model && progressTab === 'entry' && <EntryPanel model={model} />}
      {model && progressTab === 'export' && <ExportPanel model={model} periodLabel={label(model.key.period)} />}
    </section>
  );
}
