// Tables of the consolidation screen that can hold thousands of rows (a province's units, a batch
// of 3,321 files: docs/benchmarks.md): whole up to WHOLE_TABLE_ROWS (find in page works, a screen
// reader reads every row), beyond it only the rows in view, spacer rows keeping the scroll height.
import { useRef, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

export const WHOLE_TABLE_ROWS = 500;
const ROW_PX = 31;

export function useWindowedRows(count: number) {
  const scroller = useRef<HTMLDivElement>(null);
  const whole = count <= WHOLE_TABLE_ROWS;
  const virtualizer = useVirtualizer({ count: whole ? 0 : count, getScrollElement: () => scroller.current, estimateSize: () => ROW_PX, overscan: 12 });
  return { scroller, whole, virtualizer };
}

export type WindowedRows = ReturnType<typeof useWindowedRows>;

/** The table's body: every row, or those in view between two spacer rows. */
export function WindowedBody<T>({ rows, draw, windowed }: { rows: readonly T[]; draw: (row: T) => ReactNode; windowed: WindowedRows }) {
  if (windowed.whole) return <tbody>{rows.map(draw)}</tbody>;
  const items = windowed.virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = windowed.virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  return (
    <tbody>
      {before > 0 && <tr aria-hidden="true" style={{ height: before }} />}
      {items.map((v) => { const r = rows[v.index]; return r === undefined ? null : draw(r); })}
      {after > 0 && <tr aria-hidden="true" style={{ height: after }} />}
    </tbody>
  );
}
