// Difficulties and proposals gathered across units, grouped by item and similar wording (core).
import { sanitizeForDisplay } from '../../../shared/packages';
import { useT } from '../../i18n';
import type { ConsolidationView } from './useConsolidation';

export function FeedbackList({ view }: { view: ConsolidationView }) {
  const t = useT();
  const items = new Map(view.doc.items.map((i) => [i.id, i]));
  const sections = new Map(view.doc.sections.map((s) => [s.id, s.code]));
  if (view.result.feedback.length === 0) return null;
  return (
    <section aria-labelledby="feedback-title">
      <h2 id="feedback-title">{t('cons.merged.feedback')}</h2>
      {view.result.feedback.map((f) => {
        const item = items.get(f.itemId);
        const label = item ? `${sections.get(item.sectionId ?? ('' as never)) ?? ''}.${item.no} ${item.content.slice(0, 100)}` : f.itemId;
        return (
          <div key={f.itemId} className="feedback">
            <h3>{label}</h3>
            {([['cons.merged.difficulties', f.difficulties], ['cons.merged.proposals', f.proposals]] as const).map(([key, groups]) => groups.length > 0 && (
              <div key={key}>
                <p className="muted">{t(key)}</p>
                <ul>
                  {groups.map((g, i) => (
                    <li key={i}>{sanitizeForDisplay(g.text)} <span className="muted">({t('cons.merged.unitsOf', { count: g.units.length, names: g.units.map((u) => view.name(u)).join(', ') })})</span></li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        );
      })}
    </section>
  );
}
