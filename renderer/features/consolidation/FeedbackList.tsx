// Difficulties and proposals gathered across units, grouped by item and similar wording (core).
import { memo, useEffect, useMemo, useState } from 'react';
import type { ItemFeedback } from '../../../shared/consolidation';
import { formatNumberVi } from '../../../shared/format/vi';
import { sanitizeForDisplay } from '../../../shared/packages';
import { useT } from '../../i18n';
import type { ConsolidationView } from './useConsolidation';

/** Names shown of a group's units before "and N more": a province's group can hold thousands (megabytes of text to lay out). */
const NAMES_SHOWN = 10;

function GroupUnits({ ids, name }: { ids: readonly string[]; name: (id: string) => string }) {
  const t = useT();
  const [all, setAll] = useState(false);
  const more = all ? 0 : Math.max(0, ids.length - NAMES_SHOWN);
  const names = (more > 0 ? ids.slice(0, NAMES_SHOWN) : ids).map((u) => sanitizeForDisplay(name(u))).join(', ');
  return (
    <span className="muted">
      ({t('cons.merged.unitsOf', { count: formatNumberVi(ids.length), names })}
      {more > 0 && <>{t('cons.merged.andMore', { count: formatNumberVi(more) })} <button type="button" className="link" onClick={() => setAll(true)}>{t('cons.merged.allUnits', { count: formatNumberVi(ids.length) })}</button></>})
    </span>
  );
}

/** One item's groups; its texts are read (and, from the worker, parsed) here, one item per component. */
const ItemFeedbackBlock = memo(function ItemFeedbackBlock({ feedback: f, label, name }: { feedback: ItemFeedback; label: string; name: (id: string) => string }) {
  const t = useT();
  return (
    <div className="feedback">
      <h3>{label}</h3>
      {([['cons.merged.difficulties', f.difficulties], ['cons.merged.proposals', f.proposals]] as const).map(([key, groups]) => groups.length > 0 && (
        <div key={key}>
          <p className="muted">{t(key)}</p>
          <ul>
            {groups.map((g, i) => (
              <li key={i}>{sanitizeForDisplay(g.text)} <GroupUnits ids={g.units} name={name} /></li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
});

/** Items drawn per task: for a province the gathered texts are megabytes to parse and lay out, so they come a few items at a time. */
const ITEMS_PER_STEP = 8;

export function FeedbackList({ view }: { view: ConsolidationView }) {
  const t = useT();
  const all = view.result.feedback;
  const [shown, setShown] = useState({ of: all, count: ITEMS_PER_STEP });
  const count = shown.of === all ? shown.count : ITEMS_PER_STEP;
  useEffect(() => {
    if (count >= all.length) return;
    const next = setTimeout(() => setShown({ of: all, count: count + ITEMS_PER_STEP }), 0);
    return () => clearTimeout(next);
  }, [all, count]);
  const items = useMemo(() => new Map(view.doc.items.map((i) => [i.id, i])), [view.doc.items]);
  const sections = useMemo(() => new Map(view.doc.sections.map((s) => [s.id, s.code])), [view.doc.sections]);
  if (all.length === 0) return null;
  return (
    <section aria-labelledby="feedback-title" aria-busy={count < all.length}>
      <h2 id="feedback-title">{t('cons.merged.feedback')}</h2>
      {all.slice(0, count).map((f) => {
        const item = items.get(f.itemId);
        const label = item ? `${sections.get(item.sectionId ?? ('' as never)) ?? ''}.${item.no} ${item.content.slice(0, 100)}` : f.itemId;
        return <ItemFeedbackBlock key={f.itemId} feedback={f} label={label} name={view.name} />;
      })}
    </section>
  );
}
