// A returned report's follow-up at the consolidating unit: each comment with the answer the
// unit's newer package gave (payload.answers), or "waiting" while no newer package came. The core
// (shared/receipts/followUp.ts) decides; this reads the package bytes and lays it out.
import { isJsonObject, parseStrictJson, sanitizeForDisplay } from '../../../shared/packages';
import { readReportAnswers } from '../../../shared/progress/answers';
import { refOf, reviewFollowUp, type FollowUp } from '../../../shared/receipts';
import { useT } from '../../i18n';
import { itemLabel } from './MergedPanel';
import type { ConsolidationView } from './useConsolidation';

/** The follow-up of the latest return of this unit's reports for the view's plan and period, or null. */
export function followUpOf(view: ConsolidationView, unitId: string): FollowUp | null {
  const line = view.result.lines.find((l) => l.unitId === unitId && l.accepted);
  const latestRow = line?.accepted ? view.rows.find((r) => refOf(r.bytesHash) === line.accepted?.ref) : undefined;
  const rows = view.rows.filter((r) => r.unitId === unitId && r.reason === 'ok' && !r.setAside);
  const latest = latestRow?.packageId && latestRow.sequence !== null ? { packageId: latestRow.packageId, sequence: latestRow.sequence } : null;
  return reviewFollowUp(rows, latest, () => {
    if (!latestRow) return [];
    const parsed = parseStrictJson(latestRow.bytes);
    return parsed.ok && isJsonObject(parsed.value) ? readReportAnswers(parsed.value.payload) : [];
  });
}

export function ReviewFollowUp({ view, followUp, unit }: { view: ConsolidationView; followUp: FollowUp; unit: string }) {
  const t = useT();
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
  const followUps = view.result.board.flatMap((b) => {
    const f = followUpOf(view, b.unitId);
    return f ? [{ unitId: b.unitId, followUp: f }] : [];
  });
  if (followUps.length === 0) return null;
  return (
    <section aria-labelledby="follow-up-title">
      <h2 id="follow-up-title">{t('cons.followUp.title')}</h2>
      {followUps.map(({ unitId, followUp }) => {
        const unit = sanitizeForDisplay(view.name(unitId));
        return (
          <div key={unitId} className="feedback">
            <h3>{unit}</h3>
            <ReviewFollowUp view={view} followUp={followUp} unit={unit} />
          </div>
        );
      })}
    </section>
  );
}
