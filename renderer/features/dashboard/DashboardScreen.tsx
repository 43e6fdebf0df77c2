// "Bảng điều khiển": charts for the leadership. A consolidating unit sees what its units sent
// (the plan and period it picked on the consolidation screen); a reporting unit sees its own report
// (the plan and period of its progress screen); a unit that does both chooses.
import { useMemo, useState } from 'react';
import type { PeriodKey, PlanId, UnitId } from '../../../shared/model/ids';
import { reportingPeriods } from '../../../shared/periods/calendar';
import { formatPeriodEn, formatPeriodVi, parsePeriodKey } from '../../../shared/periods/keys';
import type { SelfRecord } from '../../db/records';
import { useT } from '../../i18n';
import { useUi } from '../../state';
import { usePlanDocument, usePlans } from '../plans/plansRepo';
import { planPeriods, todayVn } from '../progress/useReport';
import { useUnit } from '../units/unitsRepo';
import { ConsolidatedDashboard } from './ConsolidatedDashboard';
import { UnitDashboard } from './UnitDashboard';
import './dashboard.css';

type Scope = 'consolidated' | 'unit';

export function DashboardScreen({ self }: { self: SelfRecord }) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const [chosen, setChosen] = useState<Scope>('consolidated');
  const scope: Scope = self.role === 'reporter' ? 'unit' : self.role === 'consolidator' ? 'consolidated' : chosen;
  const ui = useUi();
  // The same selection as the screen this scope belongs to, so switching screens keeps the context.
  const stored = scope === 'consolidated' ? { plan: ui.consPlanId, period: ui.consPeriod } : { plan: ui.reportPlanId, period: ui.reportPeriod };
  const setPlan = (id: PlanId) => (scope === 'consolidated' ? ui.setConsPlan(id) : ui.setReportPlan(id));
  const setPeriod = (p: PeriodKey) => (scope === 'consolidated' ? ui.setConsPeriod(p) : ui.setReportPeriod(p));

  const plans = usePlans();
  const unit = useUnit(self.unitId);
  const planId = stored.plan ?? (plans?.find((p) => p.issuerUnitId === self.unitId) ?? plans?.[0])?.id ?? null;
  const doc = usePlanDocument(planId);
  const periods = useMemo(() => (doc ? reportingPeriods(doc.plan).flatMap((k) => k.periods) : []), [doc]);
  const period = stored.period && periods.includes(stored.period) ? stored.period : (doc ? planPeriods(doc.plan, todayVn()).current : null);
  const label = (k: PeriodKey) => {
    const p = parsePeriodKey(k);
    return p ? (lang === 'vi' ? formatPeriodVi(p) : formatPeriodEn(p)) : k;
  };

  if (plans && plans.length === 0) return <section className="page dashboard"><h1>{t('dashboard.title')}</h1><p>{t('dashboard.noPlans')}</p></section>;
  return (
    <section className="page dashboard" aria-labelledby="dash-title">
      <header className="dash-head">
        <h1 id="dash-title">{t('dashboard.title')}</h1>
        <div className="dash-pickers">
          <label htmlFor="dash-plan">{t('dashboard.plan')}</label>
          <select id="dash-plan" value={planId ?? ''} onChange={(e) => setPlan(e.target.value as PlanId)}>
            {(plans ?? []).map((p) => <option key={p.id} value={p.id}>{p.title}</option>)}
          </select>
          <label htmlFor="dash-period">{t('dashboard.period')}</label>
          <select id="dash-period" value={period ?? ''} onChange={(e) => setPeriod(e.target.value as PeriodKey)}>
            {periods.map((k) => <option key={k} value={k}>{label(k)}</option>)}
          </select>
          {self.role === 'both' && (
            <fieldset className="segmented dash-scope">
              <legend className="visually-hidden">{t('dashboard.scope')}</legend>
              {(['consolidated', 'unit'] as const).map((s) => (
                <label key={s} className={scope === s ? 'on' : undefined}>
                  <input type="radio" name="dash-scope" value={s} checked={scope === s} onChange={() => setChosen(s)} />
                  {t(`dashboard.scope.${s}`)}
                </label>
              ))}
            </fieldset>
          )}
        </div>
      </header>
      {doc && periods.length === 0 && <p>{t('dashboard.noPeriods')}</p>}
      {!doc || !period ? (doc === null ? null : <p role="status">{t('dashboard.loading')}</p>) : scope === 'consolidated'
        ? <ConsolidatedDashboard self={self.unitId as UnitId} doc={doc} period={period} periodLabel={label(period)} />
        : <UnitDashboard self={self.unitId as UnitId} doc={doc} period={period} unitName={unit?.name ?? self.unitId} />}
    </section>
  );
}
