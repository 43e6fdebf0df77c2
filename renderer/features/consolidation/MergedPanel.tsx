// The merged view: per indicator the roll-up against its target, per project the money disbursed
// against its budget, per task the units by status
// with each unit's entry, and the difficulties and proposals gathered. All numbers come from
// the core; this only lays them out, in Vietnamese formats.
import { useCallback, useState } from 'react';
import type { IndicatorRollup, ItemMerge, UnitItemRow } from '../../../shared/consolidation';
import { FindInList, useFoundRows } from '../../components/FindInList';
import { formatNumberVi, formatPercentVi } from '../../../shared/format/vi';
import { ENTRY_STATUSES } from '../../../shared/model/report';
import type { PlanItem } from '../../../shared/model/plan';
import { sanitizeForDisplay } from '../../../shared/packages';
import { useT } from '../../i18n';
import { FeedbackList } from './FeedbackList';
import { FollowUpList } from './ReviewFollowUp';
import { ChangesList } from './ChangesList';
import { SinceSentList } from './SinceSentList';
import { ProjectsTable } from './ProjectsTable';
import type { ConsolidationView } from './useConsolidation';

export const itemLabel = (view: ConsolidationView, item: PlanItem) => {
  const section = view.doc.sections.find((s) => s.id === item.sectionId);
  return section ? `${section.code}.${item.no}` : item.no;
};
const short = (s: string, n = 110) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function IndicatorRow({ view, item, merge }: { view: ConsolidationView; item: PlanItem; merge: ItemMerge }) {
  const t = useT();
  const r = merge.rollup?.kind === 'indicator' ? (merge.rollup as IndicatorRollup) : null;
  const met = r?.met === true ? t('cons.merged.met') : r?.met === false ? t('cons.merged.notMet') : t('cons.merged.unknown');
  return (
    <tr data-item={item.id}>
      <td>{itemLabel(view, item)}</td>
      <td title={item.text ?? item.content}>{short(item.text ?? item.content)}</td>
      <td>{item.target || '—'}</td>
      <td className="num strong">{r?.value != null ? formatPercentVi(r.value) : r?.total != null ? formatNumberVi(r.total, 2) : '—'}</td>
      <td className="num">{r?.numerator != null && r.denominator != null ? `${formatNumberVi(r.numerator, 2)} / ${formatNumberVi(r.denominator, 2)}` : '—'}</td>
      <td className="num">{r ? (r.unitsNeeded !== null ? `${r.unitsMeeting}/${r.unitsNeeded}` : r.ratioUnits + r.valueUnits) : 0}</td>
      <td><span className={`badge ${r?.met === true ? 'ok' : r?.met === false ? 'bad' : 'muted'}`}>{met}</span></td>
    </tr>
  );
}

/** Each unit's entry for the item (read when the item is opened; a long list is searched by unit name). */
function UnitEntries({ view, item, merge }: { view: ConsolidationView; item: PlanItem; merge: ItemMerge }) {
  const t = useT();
  const found = useFoundRows(merge.units, useCallback((u: UnitItemRow) => view.name(u.unitId), [view]));
  return (
    <>
      <FindInList id={`merged-find-${item.id}`} found={found} />
      <table className="grid" aria-label={`${t('cons.merged.unitDetail')} ${itemLabel(view, item)}`}>
        <thead><tr><th scope="col">{t('cons.board.col.unit')}</th><th scope="col">{t('cons.merged.col.status')}</th><th scope="col">{t('cons.merged.col.percent')}</th><th scope="col">{t('cons.merged.col.result')}</th><th scope="col">{t('cons.merged.col.difficulties')}</th></tr></thead>
        <tbody>
          {found.shown.map((u) => (
            <tr key={u.unitId}>
              <th scope="row">{sanitizeForDisplay(view.name(u.unitId))}</th>
              <td>{u.status ? t(`cons.status.${u.status}`) : t('cons.status.none')}</td>
              <td className="num">{u.percent !== null ? formatPercentVi(u.percent) : '—'}</td>
              <td>{sanitizeForDisplay(u.result)}</td>
              <td>{sanitizeForDisplay(u.difficulties)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** One task or project: its counts by status, and each unit's entry once opened (a province's units are thousands of rows per item). */
function TaskItem({ view, item, merge }: { view: ConsolidationView; item: PlanItem; merge: ItemMerge }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const counts = ENTRY_STATUSES.filter((s) => merge.byStatus[s] > 0).map((s) => `${t(`cons.status.${s}`)}: ${formatNumberVi(merge.byStatus[s])}`);
  return (
    <details className="merged-item" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary><strong>{itemLabel(view, item)}</strong> {short(item.content, 140)} <span className="muted">· {counts.join(' · ') || t('cons.status.none')}</span></summary>
      {open && <UnitEntries view={view} item={item} merge={merge} />}
    </details>
  );
}

export function MergedPanel({ view }: { view: ConsolidationView }) {
  const t = useT();
  const merges = new Map(view.result.items.map((m) => [m.itemId, m]));
  const indicators = view.doc.items.filter((i) => i.kind === 'indicator');
  const others = view.doc.items.filter((i) => i.kind !== 'indicator');
  if (view.result.counted.length === 0) return <p>{t('cons.merged.noReports')}</p>;
  return (
    <section aria-label={t('cons.tab.merged')}>
      <p className="summary">{t('cons.merged.reports', { count: formatNumberVi(view.result.counted.length) })}</p>
      <h2>{t('cons.merged.indicators')}</h2>
      <div className="table-wrap">
        <table className="grid" aria-label={t('cons.merged.indicators')}>
          <thead><tr>
            <th scope="col">{t('cons.merged.col.no')}</th><th scope="col">{t('cons.merged.col.content')}</th><th scope="col">{t('cons.merged.col.target')}</th>
            <th scope="col">{t('cons.merged.col.value')}</th><th scope="col">{t('cons.merged.col.ratio')}</th><th scope="col">{t('cons.merged.col.units')}</th><th scope="col">{t('cons.merged.col.met')}</th>
          </tr></thead>
          <tbody>
            {indicators.map((item) => {
              const m = merges.get(item.id);
              return m ? <IndicatorRow key={item.id} view={view} item={item} merge={m} /> : null;
            })}
          </tbody>
        </table>
      </div>
      <ProjectsTable view={view} label={(id) => {
        const item = view.doc.items.find((i) => i.id === id);
        return item ? <><strong>{itemLabel(view, item)}</strong> {short(item.content, 90)}</> : id;
      }} />
      <h2>{t('cons.merged.items')}</h2>
      {others.map((item) => {
        const m = merges.get(item.id);
        return m ? <TaskItem key={item.id} view={view} item={item} merge={m} /> : null;
      })}
      <ChangesList view={view} label={(id) => {
        const item = view.doc.items.find((i) => i.id === id);
        return item ? `${itemLabel(view, item)} ${short(item.content, 90)}` : id;
      }} />
      <SinceSentList view={view} label={(id) => {
        const item = view.doc.items.find((i) => i.id === id);
        return item ? `${itemLabel(view, item)} ${short(item.content, 90)}` : id;
      }} />
      <FeedbackList view={view} />
      <FollowUpList view={view} />
    </section>
  );
}
