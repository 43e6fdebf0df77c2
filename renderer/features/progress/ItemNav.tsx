import { useEffect, useMemo, useRef, type CSSProperties, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ItemId } from '../../../shared/model/ids';
import type { Section } from '../../../shared/model/plan';
import type { EntryStatus } from '../../../shared/model/report';
import { NARRATIVE_ITEM, type AssignedItem, type ProgressRow } from '../../../shared/progress';
import { useT } from '../../i18n';
import { useUi } from '../../state';
import { pendingKey, type ProgressUi } from '../../state/progressUi';
import { STATUS_KEY } from './labels';

export const NARRATIVE = NARRATIVE_ITEM;
/** From this many rows the list is virtualized (a city plan's 75 rows render whole; 2,000 do not). */
export const VIRTUALIZE_FROM = 300;

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

type NavRow = { type: 'section'; section: Section } | { type: 'narrative' } | { type: 'item'; entry: AssignedItem };

/** The statuses chosen and not yet stored in this report, as a string: equal strings, no redraw. */
const typedStatuses = (pending: ProgressUi['pending'], scope: string): string => {
  const out: Record<string, EntryStatus | null> = {};
  for (const [k, patch] of Object.entries(pending)) if (k.startsWith(`${scope}|`) && 'status' in patch) out[k] = patch.status ?? null;
  return JSON.stringify(out);
};

function navRows(items: readonly AssignedItem[], sections: readonly Section[]): NavRow[] {
  const sectionOf = new Map(sections.map((s) => [s.id as string, s]));
  const rows: NavRow[] = [{ type: 'narrative' }];
  let last: string | null | undefined;
  for (const entry of items) {
    const sid = entry.item.sectionId;
    const head = sid !== last && sid ? sectionOf.get(sid) : undefined;
    last = sid;
    if (head) rows.push({ type: 'section', section: head });
    rows.push({ type: 'item', entry });
  }
  return rows;
}

/**
 * The unit's items as a listbox: arrows move, Enter goes to the form. Long lists are virtualized
 * (only the rows in view are in the DOM); the selection is aria-activedescendant either way.
 */
export function ItemNav({ scope, items, sections, rowsById, problemItems, narrativeConfirmed, selected, onSelect, onEnter }: Props) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  // Only the statuses typed and not yet stored: typing in a text field does not redraw the list.
  const typed = useUi((s) => typedStatuses(s.pending, scope));
  const pendingStatus = useMemo(() => JSON.parse(typed) as Record<string, EntryStatus | null>, [typed]);
  const rows = useMemo(() => navRows(items, sections), [items, sections]);
  const order = useMemo<ItemId[]>(() => [NARRATIVE, ...items.map((a) => a.item.id)], [items]);
  const rowIndex = useMemo(() => new Map(rows.map((r, i) => [r.type === 'item' ? r.entry.item.id : r.type === 'narrative' ? NARRATIVE : null, i])), [rows]);
  const virtual = rows.length >= VIRTUALIZE_FROM;
  const virtualizer = useVirtualizer({
    count: virtual ? rows.length : 0,
    getScrollElement: () => ref.current,
    estimateSize: (i) => (rows[i]?.type === 'section' ? 30 : 46),
    overscan: 10,
  });

  useEffect(() => {
    const i = rowIndex.get(selected);
    if (virtual && i !== undefined) virtualizer.scrollToIndex(i, { align: 'auto' });
    else ref.current?.querySelector(`[data-id="${CSS.escape(selected)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selected, virtual, rowIndex, virtualizer]);

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

  const statusOf = (id: ItemId, row: ProgressRow | undefined): EntryStatus | null => {
    const k = pendingKey(scope, id);
    return k in pendingStatus ? pendingStatus[k] ?? null : row?.draft.status ?? null;
  };

  const render = (r: NavRow, key: string | number, style?: CSSProperties, index?: number) => {
    const measure = { ref: virtual ? virtualizer.measureElement : undefined, 'data-index': index, style };
    if (r.type === 'section') return <div key={key} {...measure} role="presentation" className="nav-section">{r.section.code}. {r.section.title}</div>;
    if (r.type === 'narrative') {
      return (
        <div key={key} {...measure} id={`nav-${NARRATIVE}`} data-id={NARRATIVE} role="option" aria-selected={selected === NARRATIVE}
          className="nav-item nav-narrative" onClick={() => onSelect(NARRATIVE)}>{t('progress.list.narrative')}
          {!narrativeConfirmed && <span className="nav-flag"> · {t('progress.list.unconfirmed')}</span>}</div>
      );
    }
    const { item } = r.entry;
    const row = rowsById.get(item.id);
    const status = statusOf(item.id, row);
    return (
      <div key={key} {...measure} id={`nav-${item.id}`} data-id={item.id} role="option" aria-selected={selected === item.id}
        className={`nav-item${problemItems.has(item.id) ? ' has-problem' : ''}`} onClick={() => onSelect(item.id)}>
        <span className="item-no">{item.no}</span>
        <span className="nav-text">{item.content}</span>
        <span className={`nav-status status-${status ?? 'none'}`}>
          {status ? t(STATUS_KEY[status]) : '—'}
          {row && !row.confirmed && <span className="nav-flag"> · {t('progress.list.unconfirmed')}</span>}
        </span>
      </div>
    );
  };

  return (
    <div ref={ref} className="item-nav" role="listbox" tabIndex={0} aria-label={t('progress.list.label')}
      aria-activedescendant={`nav-${selected}`} onKeyDown={onKeyDown}>
      {virtual
        ? (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((v) => {
              const r = rows[v.index];
              return r ? render(r, v.key as string | number, { position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${v.start}px)` }, v.index) : null;
            })}
          </div>
        )
        : rows.map((r) => render(r, r.type === 'item' ? r.entry.item.id : r.type === 'section' ? `s-${r.section.id}` : NARRATIVE))}
    </div>
  );
}
