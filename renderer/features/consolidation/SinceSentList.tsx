// Changes since the last consolidated report this unit sent for the period: which packages arrived
// or replaced others since, and which items' counts or roll-ups moved (the core's changesSinceSent,
// against the summary the sent package carries). Read on demand: a province's sent package holds
// thousands of children, too much to parse on every redraw.
import { useState } from 'react';
import { changesSinceSent, sentPictureOf, type SentPicture, type SinceSent } from '../../../shared/consolidation';
import { formatNumberVi, formatPercentVi } from '../../../shared/format/vi';
import { ENTRY_STATUSES } from '../../../shared/model/report';
import { isJsonObject, parseStrictJson, sanitizeForDisplay } from '../../../shared/packages';
import { useDb } from '../../db/context';
import type { PlanBookDb } from '../../db/database';
import { useT } from '../../i18n';
import { when } from '../backup/when';
import type { ConsolidationView } from './useConsolidation';

type Sent = { sequence: number; exportedAt: string; picture: SentPicture | null };

/** The newest consolidated package this unit exported for the plan and period, with its summary read back. */
async function lastSent(db: PlanBookDb, view: ConsolidationView): Promise<Sent | null> {
  const rows = await db.exported.where('[unitId+planId+period]').equals([view.consolidating, view.doc.plan.id, view.periodKey]).toArray();
  for (const row of rows.sort((a, b) => b.sequence - a.sequence)) {
    const parsed = parseStrictJson(row.bytes);
    const doc = parsed.ok && isJsonObject(parsed.value) ? parsed.value : null;
    if (doc?.kind !== 'consolidated') continue; // a 'both' unit's own report shares the sequence
    const payload = doc.payload;
    return { sequence: row.sequence, exportedAt: row.exportedAt, picture: sentPictureOf(isJsonObject(payload) ? payload.summary : null) };
  }
  return null;
}

type Entry = SentPicture['items'][number];

export function SinceSentList({ view, label }: { view: ConsolidationView; label: (itemId: string) => string }) {
  const t = useT();
  const db = useDb();
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'working' } | { kind: 'none' } | { kind: 'done'; sent: Sent; since: SinceSent | null }>({ kind: 'idle' });
  const compare = async () => {
    setState({ kind: 'working' });
    const sent = await lastSent(db, view);
    setState(sent ? { kind: 'done', sent, since: sent.picture ? changesSinceSent(sent.picture, view.result) : null } : { kind: 'none' });
  };
  const name = (id: string) => sanitizeForDisplay(view.name(id));
  const counts = (e: Entry | null) => {
    if (!e) return '—';
    const parts = ENTRY_STATUSES.filter((s) => e.byStatus[s] > 0).map((s) => `${e.byStatus[s]} ${t(`cons.status.${s}`).toLowerCase()}`);
    const r = e.rollup;
    if (r?.kind === 'indicator' && r.value != null) parts.push(formatPercentVi(r.value));
    if (r?.kind === 'project' && r.disbursedMillionVnd != null) parts.push(t('cons.since.money', { amount: formatNumberVi(r.disbursedMillionVnd, 0) }));
    return parts.join(', ') || '—';
  };

  let body;
  if (state.kind === 'idle' || state.kind === 'working') {
    body = <button type="button" onClick={() => void compare()} disabled={state.kind === 'working'}>{t('cons.since.compare')}</button>;
  } else if (state.kind === 'none') {
    body = <p className="muted">{t('cons.since.never')}</p>;
  } else if (!state.since) {
    body = <p className="warning">{t('cons.since.unreadable', { sequence: state.sent.sequence })}</p>;
  } else {
    const { added, replaced, removed, items } = state.since;
    const nothing = added.length + replaced.length + removed.length + items.length === 0;
    body = (
      <>
        <p role="status">{t('cons.since.sent', { sequence: state.sent.sequence, date: when(state.sent.exportedAt) })}</p>
        {nothing && <p className="muted">{t('cons.since.none')}</p>}
        {added.length > 0 && <p>{t('cons.since.added', { units: added.map((a) => t('cons.since.unitSeq', { unit: name(a.unitId), sequence: a.sequence })).join('; ') })}</p>}
        {replaced.length > 0 && <p>{t('cons.since.replaced', { units: replaced.map((r) => t('cons.since.unitFromTo', { unit: name(r.unitId), from: r.from, to: r.to })).join('; ') })}</p>}
        {removed.length > 0 && <p className="warning">{t('cons.since.removed', { units: removed.map((r) => t('cons.since.unitSeq', { unit: name(r.unitId), sequence: r.sequence })).join('; ') })}</p>}
        {items.length > 0 && (
          <table className="grid" aria-label={t('cons.since.table')}>
            <thead><tr>
              <th scope="col">{t('cons.merged.col.content')}</th><th scope="col">{t('cons.since.col.then')}</th><th scope="col">{t('cons.since.col.now')}</th>
            </tr></thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.itemId} data-item={i.itemId}>
                  <th scope="row">{label(i.itemId)}</th><td>{counts(i.before)}</td><td><strong>{counts(i.now)}</strong></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </>
    );
  }
  return (
    <section aria-labelledby="merged-since-sent">
      <h2 id="merged-since-sent">{t('cons.since.title')}</h2>
      {body}
    </section>
  );
}
