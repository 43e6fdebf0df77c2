// Changes since the last period: per item, the units whose status changed between the previous
// period's merged view and this one (the core's statusChanges over two consolidations, a few
// items per task).
import { useEffect, useMemo, useState } from 'react';
import { previousPeriod, statusChanges, type ItemChanges } from '../../../shared/consolidation/changes';
import type { UnitId } from '../../../shared/model/ids';
import type { EntryStatus } from '../../../shared/model/report';
import { reportingPeriods } from '../../../shared/periods/calendar';
import { sanitizeForDisplay } from '../../../shared/packages';
import { useT } from '../../i18n';
import { periodLabel } from './ImportTable';
import { useConsolidation, type ConsolidationView } from './useConsolidation';

/** Items compared per task: for a province each item's units are thousands of rows to read (ItemPiece: parsed on first read). */
const ITEMS_PER_STEP = 4;

/** The core's statusChanges, a few items per task; undefined until every item is compared. */
function useStatusChanges(previous: ConsolidationView | null, view: ConsolidationView): ItemChanges[] | undefined {
  const [done, setDone] = useState<{ previous: ConsolidationView; view: ConsolidationView; changes: ItemChanges[] } | null>(null);
  useEffect(() => {
    if (!previous) return;
    const before = new Map(previous.result.items.map((m) => [m.itemId, m] as const));
    const items = view.result.items;
    const changes: ItemChanges[] = [];
    let at = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const step = () => {
      const slice = items.slice(at, at + ITEMS_PER_STEP);
      at += slice.length;
      changes.push(...statusChanges(slice.flatMap((m) => before.get(m.itemId) ?? []), slice));
      if (at < items.length) timer = setTimeout(step, 0);
      else setDone({ previous, view, changes });
    };
    timer = setTimeout(step, 0);
    return () => { if (timer) clearTimeout(timer); };
  }, [previous, view]);
  if (!previous) return [];
  return done && done.previous === previous && done.view === view ? done.changes : undefined;
}

export function ChangesList({ view, label }: { view: ConsolidationView; label: (itemId: string) => string }) {
  const t = useT();
  const before = useMemo(() => previousPeriod(reportingPeriods(view.doc.plan).map((k) => k.periods), view.periodKey), [view.doc, view.periodKey]);
  const previous = useConsolidation(view.consolidating as UnitId, before ? view.doc.plan.id : null, before);
  const changes = useStatusChanges(previous && previous.result.counted.length > 0 ? previous : null, view);
  const status = (s: EntryStatus | null) => (s ? t(`cons.status.${s}`) : t('cons.status.none'));
  const title = t('cons.merged.changes', { period: periodLabel(before) });
  let body;
  if (!before) body = <p className="muted">{t('cons.merged.changes.first')}</p>;
  else if (previous === undefined) body = <p role="status">{t('cons.loading')}</p>;
  else if (!previous || previous.result.counted.length === 0) body = <p className="muted">{t('cons.merged.changes.noPrevious')}</p>;
  else if (changes === undefined) body = <p role="status">{t('cons.merged.changes.comparing')}</p>;
  else if (changes.length === 0) body = <p className="muted">{t('cons.merged.changes.none')}</p>;
  else {
    body = (
      <table className="grid" aria-label={title}>
        <thead><tr>
          <th scope="col">{t('cons.merged.col.content')}</th><th scope="col">{t('cons.board.col.unit')}</th>
          <th scope="col">{t('cons.merged.col.from')}</th><th scope="col">{t('cons.merged.col.to')}</th>
        </tr></thead>
        <tbody>
          {changes.flatMap((c) => c.changes.map((u, i) => (
            <tr key={`${c.itemId}-${u.unitId}`} data-item={c.itemId}>
              {i === 0 && <th scope="rowgroup" rowSpan={c.changes.length}>{label(c.itemId)}</th>}
              <td>{sanitizeForDisplay(view.name(u.unitId))}</td>
              <td>{status(u.from)}</td>
              <td><strong>{status(u.to)}</strong></td>
            </tr>
          )))}
        </tbody>
      </table>
    );
  }
  return (
    <section aria-labelledby="merged-changes">
      <h2 id="merged-changes">{title}</h2>
      {body}
    </section>
  );
}
