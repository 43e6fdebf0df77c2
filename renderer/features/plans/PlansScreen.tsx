import { useEffect, useMemo, useState } from 'react';
import type { PlanId } from '../../../shared/model/ids';
import { browseRows, countItems } from '../../../shared/plans/browse';
import type { SelfRecord } from '../../db/records';
import { useT } from '../../i18n';
import { useUi } from '../../state';
import { useDirectory } from '../units/unitsRepo';
import { usePlanDocument, usePlans } from './plansRepo';
import { FilterBar } from './FilterBar';
import { ItemList } from './ItemList';
import { ItemDetail } from './ItemDetail';
import { useRoles } from './useRoles';
import { ImportPlanButton } from './ImportPlanButton';
import { PlanImportScreen } from '../planImport/PlanImportScreen';
import { PlanTools } from '../planImport/PlanTools';
import { PlanEditor } from '../planEditor/PlanEditor';
import { ExportPlanButton } from '../planEditor/ExportPlanButton';

export function PlansScreen({ self }: { self: SelfRecord }) {
  const t = useT();
  const plans = usePlans();
  const { planId, selectPlan, itemId, assignment, kind, query, planImport } = useUi();
  const doc = usePlanDocument(planId);
  const directory = useDirectory();
  const roles = useRoles(doc ?? null, directory, self.unitId);

  useEffect(() => {
    const first = plans?.[0];
    if (!planId && first) selectPlan(first.id);
  }, [planId, plans, selectPlan]);

  const rows = useMemo(() => (doc ? browseRows(doc, roles.roles, { assignment, kind, query }) : []), [doc, roles, assignment, kind, query]);
  const counts = useMemo(() => (doc ? countItems(doc) : null), [doc]);
  const selected = doc?.items.find((it) => it.id === itemId) ?? null;

  const [editing, setEditing] = useState(false);
  const empty = plans !== undefined && plans.length === 0;
  if (planImport) return <PlanImportScreen open={planImport} self={self} />;
  if (editing && doc) return <PlanEditor key={doc.plan.id} doc={doc} onClose={() => setEditing(false)} />;
  return (
    <section className="page plans" aria-labelledby="plans-title">
      <header className="page-head">
        <h1 id="plans-title" className="visually-hidden">{t('plans.title')}</h1>
        <div className="plan-row">
          {empty ? <p className="plan-picker">{t('plans.none')}</p> : (
            <label className="plan-picker">
              <span>{t('plans.pick')}</span>
              <select value={planId ?? ''} onChange={(e) => selectPlan(e.target.value as PlanId)}>
                {(plans ?? []).map((p) => <option key={p.id} value={p.id}>{p.title}</option>)}
              </select>
            </label>
          )}
          <ImportPlanButton />
          <PlanTools self={self} planId={planId} />
          {self.role !== 'reporter' && doc && <button type="button" onClick={() => setEditing(true)}>{t('planEditor.open')}</button>}
          <ExportPlanButton planId={planId} />
        </div>
        {doc && counts && (
          <p className="plan-meta">
            {doc.plan.decision && <span>{t('plans.decision')}: {doc.plan.decision} · </span>}
            <span>{doc.plan.issuer}</span>
            <span> · {t('plans.counts', { sections: doc.sections.length, tasks: counts.task, indicators: counts.indicator, projects: counts.project })}</span>
          </p>
        )}
      </header>
      {!empty && <FilterBar shown={rows.filter((r) => r.type === 'item').length} total={doc?.items.length ?? 0} />}
      {!empty && <div className="plans-body">
        <ItemList rows={rows} />
        <ItemDetail item={selected} doc={doc ?? null} directory={directory}
          role={selected ? roles.roles.get(selected.id) ?? null : null} via={selected ? roles.via.get(selected.id) ?? null : null} />
      </div>}
    </section>
  );
}
