// A returned report's follow-up at the consolidating unit: each comment with the answer the
// unit's newer package gave (payload.answers), or "waiting" while no newer package came. The core
// (shared/receipts/followUp.ts) decides from the rows' heads; the answers are read from the newer
// package's kept bytes, only where one answers a return.
import { isJsonObject, parseStrictJson, sanitizeForDisplay } from '../../../shared/packages';
import { readReportAnswers, type ReportAnswer } from '../../../shared/progress/answers';
import { refOf, reviewFollowUp, type FollowUp } from '../../../shared/receipts';
import type { ReceivedHead } from '../../db/records';
import { useT } from '../../i18n';
import { itemLabel } from './MergedPanel';
import { useWholeRows } from './receivedRepo';
import type { ConsolidationView } from './useConsolidation';

type UnitRows = { rows: ReceivedHead[]; latest: ReceivedHead | undefined };

const unitRowsByView = new WeakMap<ConsolidationView, Map<string, UnitRows>>();

/** A unit's accepted rows and the row of its package that counts now, indexed once per view (the board asks for every unit). */
function unitRowsOf(view: ConsolidationView, unitId: string): UnitRows {
  let byUnit = unitRowsByView.get(view);
  if (!byUnit) {
    const built = new Map<string, UnitRows>();
    const entry = (u: string) => {
      let e = built.get(u);
      if (!e) built.set(u, (e = { rows: [], latest: undefined }));
      return e;
    };
    for (const r of view.rows) if (r.unitId !== null && r.reason === 'ok' && !r.setAside) entry(r.unitId).rows.push(r);
    const byRef = new Map(view.rows.map((r) => [refOf(r.bytesHash), r] as const));
    for (const l of view.result.lines) {
      const e = l.accepted ? entry(l.unitId) : null;
      if (e && !e.latest && l.accepted) e.latest = byRef.get(l.accepted.ref);
    }
    unitRowsByView.set(view, (byUnit = built));
  }
  return byUnit.get(unitId) ?? { rows: [], latest: undefined };
}

/** The row of the unit's package that counts now (its latest accepted), if any. */
export const acceptedRowOf = (view: ConsolidationView, unitId: string): ReceivedHead | undefined => unitRowsOf(view, unitId).latest;

/**
 * The follow-up of the latest return of this unit's reports for the view's plan and period, or
 * null. `answersOf`: the answers the newer package carries, from its bytes (none while unread).
 */
export function followUpOf(view: ConsolidationView, unitId: string, answersOf: (bytesHash: string) => readonly ReportAnswer[] = () => []): FollowUp | null {
  const { rows, latest } = unitRowsOf(view, unitId);
  const ref = latest?.packageId && latest.sequence !== null ? { packageId: latest.packageId, sequence: latest.sequence } : null;
  return reviewFollowUp(rows, ref, () => (latest ? answersOf(latest.bytesHash) : []));
}

/** A unit's follow-up, its answers read from the newer package's bytes when one answers the return. */
function useFollowUp(view: ConsolidationView, unitId: string): FollowUp | null | undefined {
  const first = followUpOf(view, unitId);
  const latest = first?.kind === 'answered' ? unitRowsOf(view, unitId).latest : undefined;
  const whole = useWholeRows(latest ? [refOf(latest.bytesHash)] : []);
  if (!latest) return first;
  if (!whole) return undefined;
  return followUpOf(view, unitId, (hash) => {
    const row = whole.get(hash);
    const parsed = row ? parseStrictJson(row.bytes) : null;
    return parsed?.ok && isJsonObject(parsed.value) ? readReportAnswers(parsed.value.payload) : [];
  });
}

export function ReviewFollowUp({ view, unitId, unit }: { view: ConsolidationView; unitId: string; unit: string }) {
  const t = useT();
  const followUp = useFollowUp(view, unitId);
  if (followUp === null) return null;
  if (followUp === undefined) return <p role="status">{t('cons.loading')}</p>;
  const items = new Map(view.doc.items.map((i) => [i.id as string, i]));
  const label = (id: string) => { const item = items.get(id); return item ? itemLabel(view, item) : id; };
  return (
    <div className="follow-up">
      <p className={followUp.kind === 'answered' && followUp.answered === followUp.comments.length ? 'ok-text' : 'warning'}>
        {followUp.kind === 'waiting'
          ? t('cons.followUp.waiting', { sequence: followUp.returned.sequence })
          : t('cons.followUp.answered', { sequence: followUp.answeredIn.sequence, answered: followUp.answered, total: followUp.comments.length, returned: followUp.returned.sequence })}
      </p>
      <ul aria-label={t('cons.followUp.list', { unit })}>
        {followUp.comments.map((c, i) => (
          <li key={i}>
            <strong>{t('cons.followUp.item', { no: label(c.itemId) })}</strong> · {t('cons.followUp.comment', { text: sanitizeForDisplay(c.comment) })}
            {followUp.kind === 'answered' && (c.answer !== null
              ? <div className="answer">{t('cons.followUp.answer', { text: sanitizeForDisplay(c.answer) })}</div>
              : <div className="warning">{t('cons.followUp.noAnswer')}</div>)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Every unit of the board whose latest review returned its report, with its follow-up (merged view). */
export function FollowUpList({ view }: { view: ConsolidationView }) {
  const t = useT();
  const followUps = view.result.board.filter((b) => followUpOf(view, b.unitId) !== null);
  if (followUps.length === 0) return null;
  return (
    <section aria-labelledby="follow-up-title">
      <h2 id="follow-up-title">{t('cons.followUp.title')}</h2>
      {followUps.map(({ unitId }) => {
        const unit = sanitizeForDisplay(view.name(unitId));
        return (
          <div key={unitId} className="feedback">
            <h3>{unit}</h3>
            <ReviewFollowUp view={view} unitId={unitId} unit={unit} />
          </div>
        );
      })}
    </section>
  );
}
