import type { ItemKind } from '../../../shared/model/plan';
import { useT } from '../../i18n';
import { useUi, type AssignmentFilter } from '../../state';

const FILTERS: AssignmentFilter[] = ['all', 'mine', 'lead', 'coordinating'];
const KINDS: (ItemKind | 'all')[] = ['all', 'task', 'indicator', 'project'];

export function FilterBar({ shown, total }: { shown: number; total: number }) {
  const t = useT();
  const { assignment, setAssignment, kind, setKind, query, setQuery } = useUi();
  return (
    <div className="filter-bar">
      <div role="radiogroup" aria-label={t('plans.filter.label')} className="segmented">
        {FILTERS.map((f) => (
          <label key={f} className={assignment === f ? 'on' : undefined}>
            <input type="radio" name="assignment" value={f} checked={assignment === f} onChange={() => setAssignment(f)} />
            {t(`plans.filter.${f}`)}
          </label>
        ))}
      </div>
      <label className="inline">
        <span>{t('plans.kind.label')}</span>
        <select value={kind} onChange={(e) => setKind(e.target.value as ItemKind | 'all')}>
          {KINDS.map((k) => <option key={k} value={k}>{k === 'all' ? t('plans.kind.all') : t(`kind.${k}`)}</option>)}
        </select>
      </label>
      <label className="inline grow">
        <span className="visually-hidden">{t('plans.search')}</span>
        <input type="search" placeholder={t('plans.search')} aria-label={t('plans.search')} value={query} onChange={(e) => setQuery(e.target.value)} />
      </label>
      <span className="muted" role="status">{t('plans.shown', { shown, total })}</span>
    </div>
  );
}
