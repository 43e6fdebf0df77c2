// The submission board: each expected unit on time, late or missing, with its latest package;
// filter, sort, export the missing list; conflicts side by side below.
import { memo, useMemo, useState } from 'react';
import { formatFingerprint } from '../../../shared/crypto/hash';
import type { BoardRow } from '../../../shared/consolidation';
import { sanitizeForDisplay } from '../../../shared/packages';
import { formatPeriodVi } from '../../../shared/periods/keys';
import { missingCsv } from '../../../shared/receipts';
import { useT } from '../../i18n';
import { platform } from '../../platform';
import { useUi } from '../../state';
import type { BoardFilter, BoardSort } from '../../state/consolidationUi';
import { ConflictView } from './ConflictView';
import { formatInstantVi, utf8 } from './format';
import { WindowedBody, useWindowedRows } from './WindowedBody';
import type { ConsolidationView } from './useConsolidation';
import { formatNumberVi } from '../../../shared/format/vi';

const FILTERS: BoardFilter[] = ['all', 'on-time', 'late', 'missing', 'conflict'];
const SORTS: BoardSort[] = ['name', 'state', 'time'];
const STATE_ORDER = { missing: 0, late: 1, 'on-time': 2 } as const;

function shownRows(rows: readonly BoardRow[], filter: BoardFilter, sort: BoardSort, name: (id: string) => string): BoardRow[] {
  const kept = rows.filter((r) => filter === 'all' || (filter === 'conflict' ? r.conflict : r.state === filter));
  const by = {
    directory: () => 0,
    name: (a: BoardRow, b: BoardRow) => name(a.unitId).localeCompare(name(b.unitId), 'vi', { numeric: true }),
    state: (a: BoardRow, b: BoardRow) => STATE_ORDER[a.state] - STATE_ORDER[b.state],
    time: (a: BoardRow, b: BoardRow) => (a.firstSubmittedAt ?? '~').localeCompare(b.firstSubmittedAt ?? '~'),
  }[sort];
  return kept.map((r, i) => ({ r, i })).sort((a, b) => by(a.r, b.r) || a.i - b.i).map((x) => x.r);
}

/** One unit's row; redrawn only when its own row changes. */
const BoardLine = memo(function BoardLine({ r, name }: { r: BoardRow; name: (id: string) => string }) {
  const t = useT();
  return (
    <tr data-state={r.state}>
      <th scope="row">{sanitizeForDisplay(name(r.unitId))}</th>
      <td>
        <span className={`badge ${r.state === 'on-time' ? 'ok' : r.state === 'late' ? 'warn' : 'bad'}`}>{t(`cons.board.state.${r.state}`)}</span>
        {r.conflict && <span className="badge warn">{t('cons.board.conflict')}</span>}
        {r.indirect && <span className="muted"> · {t('cons.board.indirect')}</span>}
        {r.kind === 'consolidated' && <span className="muted"> · {t('cons.board.consolidated')}</span>}
      </td>
      <td className="num">{r.sequence ?? '—'}</td>
      <td>{formatInstantVi(r.submittedAt)}</td>
      <td className="num">{r.packages > 0 ? `${r.packages} (${r.superseded})` : '—'}</td>
      <td>{r.keyId ? <code className="fingerprint">{formatFingerprint(r.keyId)}</code> : '—'}</td>
      <td>{r.review ? t(`cons.receipts.review.${r.review}`) : '—'}</td>
    </tr>
  );
});

export function BoardPanel({ view }: { view: ConsolidationView }) {
  const t = useT();
  const filter = useUi((s) => s.boardFilter);
  const sort = useUi((s) => s.boardSort);
  const { setBoardFilter, setBoardSort } = useUi.getState();
  const [saved, setSaved] = useState<string | null>(null);
  const { result, name } = view;
  const rows = useMemo(() => shownRows(result.board, filter, sort, name), [result.board, filter, sort, name]);
  const c = result.counts;
  // A province's or a nation's thousands of units: the rows in view (WindowedBody).
  const windowed = useWindowedRows(rows.length);
  const draw = (r: BoardRow) => <BoardLine key={r.unitId} r={r} name={name} />;

  const exportMissing = async () => {
    const csv = missingCsv(result.board, name, [t('cons.board.missingHeader.no'), t('cons.board.missingHeader.id'), t('cons.board.missingHeader.name')]);
    const r = await platform.saveFile({ suggestedName: `chua-nop_${view.doc.plan.id}_${view.periodKey}.csv`, bytes: utf8(csv) });
    if (r.ok) setSaved(t('cons.board.saved', { file: r.fileName }));
  };

  return (
    <section aria-labelledby="board-title">
      <h2 id="board-title">{t('cons.board.title', { period: formatPeriodVi(view.period) })}</h2>
      <p className="counts" role="status" aria-label={t('cons.tab.board')}>
        {t('cons.board.counts', { onTime: formatNumberVi(c['on-time']), late: formatNumberVi(c.late), missing: formatNumberVi(c.missing), conflict: formatNumberVi(c.conflict), expected: formatNumberVi(c.expected) })}
      </p>
      <div className="toolbar">
        <label htmlFor="board-filter">{t('cons.board.filter')}</label>
          <select id="board-filter" value={filter} onChange={(e) => setBoardFilter(e.target.value as BoardFilter)}>
            {FILTERS.map((f) => <option key={f} value={f}>{t(`cons.board.filter.${f}`)}</option>)}
          </select>
        <label htmlFor="board-sort">{t('cons.board.sort')}</label>
          <select id="board-sort" value={sort} onChange={(e) => setBoardSort(e.target.value as BoardSort)}>
            {SORTS.map((s) => <option key={s} value={s}>{t(`cons.board.sort.${s}`)}</option>)}
          </select>
        <span className="muted">{t('cons.board.shown', { shown: formatNumberVi(rows.length), total: formatNumberVi(result.board.length) })}</span>
        <button type="button" onClick={() => void exportMissing()} disabled={c.missing === 0}>{t('cons.board.exportMissing')}</button>
        {saved && <span className="summary">{saved}</span>}
      </div>
      <div className="table-wrap" ref={windowed.scroller} style={windowed.whole ? undefined : { maxHeight: '70vh', overflowY: 'auto' }}>
        <table className="grid" aria-label={t('cons.board.title', { period: formatPeriodVi(view.period) })} aria-rowcount={windowed.whole ? undefined : rows.length + 1}>
          <thead><tr>
            <th scope="col">{t('cons.board.col.unit')}</th><th scope="col">{t('cons.board.col.state')}</th>
            <th scope="col">{t('cons.board.col.sequence')}</th><th scope="col">{t('cons.board.col.time')}</th>
            <th scope="col">{t('cons.board.col.packages')}</th><th scope="col">{t('cons.board.col.key')}</th><th scope="col">{t('cons.board.col.review')}</th>
          </tr></thead>
          <WindowedBody rows={rows} draw={draw} windowed={windowed} />
        </table>
      </div>
      <ConflictView view={view} />
    </section>
  );
}
