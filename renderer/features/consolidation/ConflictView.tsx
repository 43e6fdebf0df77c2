// A conflict side by side: the packages of one unit with the same sequence and different
// content. Nothing counts until the officer keeps one; the others stay, set aside, as evidence.
import type { Submission, SubmissionHead } from '../../../shared/consolidation';
import { sanitizeForDisplay } from '../../../shared/packages';
import { refOf } from '../../../shared/receipts';
import { useDb } from '../../db/context';
import { useT } from '../../i18n';
import { formatInstantVi } from './format';
import { receivedRepo, submissionAt, useWholeRows } from './receivedRepo';
import type { ConsolidationView } from './useConsolidation';

/** Items whose entry or value differs from the other package's. */
function differing(a: Submission, b: Submission): number {
  const index = (s: Submission) => new Map([...(s.report?.entries ?? []), ...(s.report?.indicatorValues ?? [])].map((e) => [e.itemId, JSON.stringify(e)]));
  const x = index(a);
  const y = index(b);
  const ids = new Set([...x.keys(), ...y.keys()]);
  return [...ids].filter((id) => x.get(id) !== y.get(id)).length;
}

export function ConflictView({ view }: { view: ConsolidationView }) {
  const t = useT();
  const db = useDb();
  const lines = view.result.lines.filter((l) => l.accepted === null && l.conflicting.length > 1);
  // The packages in conflict, read whole: what they say is compared.
  const whole = useWholeRows(lines.flatMap((l) => l.conflicting.map((s) => s.ref)));
  if (lines.length === 0) return null;
  const rowOf = (ref: string) => view.rows.find((r) => refOf(r.bytesHash) === ref);
  const full = (s: SubmissionHead) => (whole ? submissionAt(whole, s.ref) : null);
  return (
    <>
      {lines.map((line) => {
        const ids = line.conflicting.map((s) => rowOf(s.ref)?.id).filter((id): id is number => id !== undefined);
        return (
          <section key={line.key} className="conflict" aria-label={t('cons.conflict.title', { unit: view.name(line.unitId), sequence: line.latest })}>
            <h3>{t('cons.conflict.title', { unit: sanitizeForDisplay(view.name(line.unitId)), sequence: line.latest })}</h3>
            <div className="side-by-side">
              {line.conflicting.map((s, i) => {
                const row = rowOf(s.ref);
                const mine = full(s);
                const other = line.conflicting[i === 0 ? 1 : 0];
                const theirs = other ? full(other) : null;
                return (
                  <article key={s.ref} className="card">
                    <p><strong>{sanitizeForDisplay(row?.fileName ?? s.ref)}</strong></p>
                    <p className="muted">{t('cons.conflict.signedAt', { time: formatInstantVi(s.createdAt) })}</p>
                    {mine && theirs && <p>{t('cons.conflict.differs', { count: differing(mine, theirs) })}</p>}
                    <p className="narrative">{sanitizeForDisplay(mine?.report?.narrative ?? '')}</p>
                    {row?.id !== undefined && (
                      <button type="button" onClick={() => void receivedRepo.chooseInConflict(db, row.id ?? -1, ids.filter((id) => id !== row.id))}>
                        {t('cons.conflict.keep', { file: sanitizeForDisplay(row.fileName) })}
                      </button>
                    )}
                  </article>
                );
              })}
            </div>
          </section>
        );
      })}
    </>
  );
}
