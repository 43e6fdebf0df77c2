import { useRef, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { BrowseRow } from '../../../shared/plans/browse';
import { useT } from '../../i18n';
import { useUi } from '../../state';

const domId = (id: string) => `item-${id.replace(/[^\w-]/gu, '_')}`;

/** The plan's rows, virtualized so 2,000 items scroll smoothly; arrows move the selection. */
export function ItemList({ rows }: { rows: BrowseRow[] }) {
  const t = useT();
  const parentRef = useRef<HTMLDivElement>(null);
  const itemId = useUi((s) => s.itemId);
  const selectItem = useUi((s) => s.selectItem);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parentRef.current,
    estimateSize: (i) => (rows[i]?.type === 'section' ? 36 : 64),
    overscan: 8,
  });

  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const step = e.key === 'ArrowDown' ? 1 : -1;
    let i = rows.findIndex((r) => r.type === 'item' && r.item.id === itemId);
    for (i += step; i >= 0 && i < rows.length; i += step) {
      const r = rows[i];
      if (r?.type === 'item') { selectItem(r.item.id); virtualizer.scrollToIndex(i, { align: 'auto' }); return; }
    }
  };

  if (rows.length === 0) return <div className="item-list empty"><p>{t('plans.noItems')}</p></div>;
  return (
    <div ref={parentRef} className="item-list" role="listbox" aria-label={t('plans.items')} tabIndex={0} onKeyDown={onKey}
      aria-activedescendant={itemId ? domId(itemId) : undefined}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((v) => {
          const row = rows[v.index];
          if (!row) return null;
          const style = { position: 'absolute' as const, top: 0, left: 0, right: 0, transform: `translateY(${v.start}px)` };
          if (row.type === 'section') {
            return (
              <div key={v.key} ref={virtualizer.measureElement} data-index={v.index} style={style} className="section-row" role="presentation">
                <span className="section-code">{row.section.code}</span> {row.section.title}
                <span className="muted"> · {t(`kind.${row.section.kind}`)} ({row.count})</span>
              </div>
            );
          }
          const it = row.item;
          return (
            <div key={v.key} ref={virtualizer.measureElement} data-index={v.index} style={style} id={domId(it.id)}
              role="option" aria-selected={it.id === itemId} className="item-row" onClick={() => selectItem(it.id)}>
              <span className="item-no">{it.no || '•'}</span>
              <span className="item-main">
                <span className="item-content">{it.content}</span>
                <span className="item-meta">
                  <span className={`kind-tag kind-${it.kind}`}>{t(`kind.${it.kind}`)}</span>
                  {it.target && <span>{t('plans.col.target')}: {it.target}</span>}
                  {it.due && <span>{t('plans.col.due')}: {it.due}</span>}
                  {it.lead && <span>{t('plans.col.lead')}: {it.lead}</span>}
                </span>
              </span>
              {row.role && <span className={`role-tag role-${row.role}`}>{t(`plans.role.${row.role}`)}</span>}
            </div>
          );
        })}
      </div>
    </div>
  );
}
