import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { ItemId } from '../../../shared/model/ids';
import type { Section } from '../../../shared/model/plan';
import { NARRATIVE_ITEM, type AssignedItem, type ProgressRow } from '../../../shared/progress';
import { useT } from '../../i18n';
import { useUi } from '../../state';
import { pendingKey } from '../../state/progressUi';
import { STATUS_KEY } from './labels';

export const NARRATIVE = NARRATIVE_ITEM;

type Props = {
  /** Report scope (autosave.scopeOf), to show a status chosen but not yet stored. */
  scope: string;
  items: AssignedItem[];
  sections: Section[];
  rowsById: ReadonlyMap<ItemId, ProgressRow>;
  problemItems: ReadonlySet<ItemId>;
  /** False while the narrative carried from the last period is not re-confirmed. */
  narrativeConfirmed: boolean;
  selected: ItemId;
  onSelect: (id: ItemId) => void;
  onEnter: () => void;
};

/** The unit's items as a listbox: arrows move, Enter goes to the form. */
export function ItemNav({ scope, items, sections, rowsById, problemItems, narrativeConfirmed, selected, onSelect, onEnter }: Props) {
  const t = useT();
  const ref = useRef<HTMLUListElement>(null);
  const pending = useUi((s) => s.pending);
  const order: ItemId[] = [NARRATIVE, ...items.map((a) => a.item.id)];
  const sectionOf = new Map(sections.map((s) => [s.id, s]));

  useEffect(() => {
    ref.current?.querySelector(`[data-id="${CSS.escape(selected)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const onKeyDown = (e: KeyboardEvent) => {
    const i = order.indexOf(selected);
    const go = (j: number) => { e.preventDefault(); const id = order[Math.max(0, Math.min(order.length - 1, j))]; if (id) onSelect(id); };
    if (e.key === 'ArrowDown') go(i + 1);
    else if (e.key === 'ArrowUp') go(i - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(order.length - 1);
    else if (e.key === 'PageDown') go(i + 10);
    else if (e.key === 'PageUp') go(i - 10);
    else if (e.key === 'Enter') { e.preventDefault(); onEnter(); }
  };

  let lastSection: string | null | undefined;
  return (
    <ul ref={ref} className="item-nav" role="listbox" tabIndex={0} aria-label={t('progress.list.label')}
      aria-activedescendant={`nav-${selected}`} onKeyDown={onKeyDown}>
      <li id={`nav-${NARRATIVE}`} data-id={NARRATIVE} role="option" aria-selected={selected === NARRATIVE} className="nav-item nav-narrative"
        onClick={() => onSelect(NARRATIVE)}>{t('progress.list.narrative')}
        {!narrativeConfirmed && <span className="nav-flag"> · {t('progress.list.unconfirmed')}</span>}</li>
      {items.map(({ item }) => {
        const row = rowsById.get(item.id);
        const head = item.sectionId !== lastSection ? sectionOf.get(item.sectionId ?? ('' as never)) : undefined;
        lastSection = item.sectionId;
        const typed = pending[pendingKey(scope, item.id)];
        const status = typed && 'status' in typed ? typed.status ?? null : row?.draft.status ?? null;
        return [
          head && <li key={`s-${head.id}`} role="presentation" className="nav-section">{head.code}. {head.title}</li>,
          <li key={item.id} id={`nav-${item.id}`} data-id={item.id} role="option" aria-selected={selected === item.id}
            className={`nav-item${problemItems.has(item.id) ? ' has-problem' : ''}`} onClick={() => onSelect(item.id)}>
            <span className="item-no">{item.no}</span>
            <span className="nav-text">{item.content}</span>
            <span className={`nav-status status-${status ?? 'none'}`}>
              {status ? t(STATUS_KEY[status]) : '—'}
              {row && !row.confirmed && <span className="nav-flag"> · {t('progress.list.unconfirmed')}</span>}
            </span>
          </li>,
        ];
      })}
    </ul>
  );
}
