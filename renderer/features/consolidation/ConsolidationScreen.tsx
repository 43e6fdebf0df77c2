// The consolidation officer's screen: pick the plan and period, then receive packages, watch
// who has submitted, read the merged figures, answer the units and report upward.
import { useEffect, useMemo } from 'react';
import type { PeriodKey, PlanId, UnitId } from '../../../shared/model/ids';
import { formatDateVi, formatNumberVi } from '../../../shared/format/vi';
import { currentPeriod, reportingPeriods } from '../../../shared/periods/calendar';
import { formatPeriodVi, parsePeriodKey, periodKey } from '../../../shared/periods/keys';
import type { SelfRecord } from '../../db/records';
import { useT } from '../../i18n';
import { useUi } from '../../state';
import type { ConsolidationTab } from '../../state/consolidationUi';
import { usePlanDocument, usePlans } from '../plans/plansRepo';
import { BoardPanel } from './BoardPanel';
import { ImportPanel } from './ImportPanel';
import { KeysPanel } from './KeysPanel';
import { MergedPanel } from './MergedPanel';
import { ReceiptsPanel } from './ReceiptsPanel';
import { stateOfLine, useConsolidation } from './useConsolidation';
import './consolidation.css';

const TABS: ConsolidationTab[] = ['import', 'board', 'merged', 'receipts', 'keys'];

export function ConsolidationScreen({ self }: { self: SelfRecord }) {
  const t = useT();
  const plans = usePlans();
  const { consPlanId: planId, consPeriod: period, consTab: tab } = useUi();
  const { setConsPlan, setConsPeriod, setConsTab, defaultConsPlan, defaultConsPeriod } = useUi.getState();
  const doc = usePlanDocument(planId);
  const view = useConsolidation(self.unitId as UnitId, planId, period);

  useEffect(() => {
    if (planId || !plans?.length) return;
    const own = plans.find((p) => p.issuerUnitId === self.unitId) ?? plans[0];
    if (own) defaultConsPlan(own.id);
  }, [planId, plans, self.unitId, defaultConsPlan]);

  const periods = useMemo(() => (doc ? reportingPeriods(doc.plan).flatMap((k) => k.periods) : []), [doc]);
  useEffect(() => {
    if (!doc || period || periods.length === 0) return;
    const kind = doc.plan.calendar.kinds[0] ?? 'month';
    const now = currentPeriod(doc.plan.calendar, kind, new Date().toISOString().slice(0, 10) as never, doc.plan);
    defaultConsPeriod(now ? periodKey(now) : (periods[periods.length - 1] ?? null));
  }, [doc, period, periods, defaultConsPeriod]);

  if (plans && plans.length === 0) return <section className="page"><h1>{t('consolidation.title')}</h1><p>{t('cons.noPlans')}</p></section>;
  return (
    <section className="page consolidation" aria-labelledby="cons-title">
      <header className="cons-head">
        <h1 id="cons-title">{t('consolidation.title')}</h1>
        <div className="cons-pickers">
          <label htmlFor="cons-plan">{t('cons.plan')}</label>
            <select id="cons-plan" value={planId ?? ''} onChange={(e) => setConsPlan(e.target.value as PlanId)}>
              {(plans ?? []).map((p) => <option key={p.id} value={p.id}>{p.title}</option>)}
            </select>
          <label htmlFor="cons-period">{t('cons.period')}</label>
            <select id="cons-period" value={period ?? ''} onChange={(e) => setConsPeriod(e.target.value as PeriodKey)}>
              {periods.map((k) => { const p = parsePeriodKey(k); return <option key={k} value={k}>{p ? formatPeriodVi(p) : k}</option>; })}
            </select>
        </div>
        {view && <p className="muted">{t('cons.as', { unit: view.name(view.consolidating), count: formatNumberVi(view.result.board.length), due: formatDateVi(view.due) })}</p>}
      </header>
      <div role="tablist" aria-label={t('cons.tabs')} className="tabs">
        {TABS.map((k) => (
          <button key={k} type="button" role="tab" id={`cons-tab-${k}`} aria-selected={tab === k} aria-controls="cons-panel" onClick={() => setConsTab(k)}>
            {t(`cons.tab.${k}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="cons-panel" aria-labelledby={`cons-tab-${tab}`} className="cons-panel">
        {!doc || view === undefined ? <p role="status">{t('cons.loading')}</p> : (
          <>
            {tab === 'import' && <ImportPanel doc={doc} name={view?.name ?? ((id) => id)} stateOf={stateOfLine(view)} />}
            {tab === 'keys' && <KeysPanel doc={doc} name={view?.name ?? ((id) => id)} />}
            {view && tab === 'board' && <BoardPanel view={view} />}
            {view && tab === 'merged' && <MergedPanel view={view} />}
            {view && tab === 'receipts' && <ReceiptsPanel view={view} self={self.unitId as UnitId} />}
          </>
        )}
      </div>
    </section>
  );
}
