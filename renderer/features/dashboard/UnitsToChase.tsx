// Who to phone: the units the board (the core's) has as not reported or late, by name.
import type { BoardState } from '../../../shared/consolidation';
import { useT } from '../../i18n';
import type { ConsolidationView } from '../consolidation/useConsolidation';

const SHOWN = 8;

export function UnitsToChase({ view }: { view: ConsolidationView }) {
  const t = useT();
  const of = (state: BoardState) => view.result.board.filter((r) => r.state === state).map((r) => view.name(r.unitId));
  const lines = [
    { key: 'missing', label: t('dashboard.chase.missing'), names: of('missing') },
    { key: 'late', label: t('dashboard.chase.late'), names: of('late') },
  ].filter((l) => l.names.length > 0);
  if (lines.length === 0) return null;
  return (
    <dl className="chase" aria-label={t('dashboard.chase.label')}>
      {lines.map((l) => (
        <div key={l.key} className={`chase-${l.key}`}>
          <dt>{l.label} ({l.names.length}):</dt>
          <dd>
            {l.names.slice(0, SHOWN).join(', ')}
            {l.names.length > SHOWN && ` ${t('dashboard.chase.more', { count: l.names.length - SHOWN })}`}
          </dd>
        </div>
      ))}
    </dl>
  );
}
