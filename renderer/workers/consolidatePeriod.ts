// The consolidation of one plan and period from its stored rows: the same steps wherever they run,
// in the consolidation worker (which reads the rows itself) or on the screen's own thread (few
// rows, tests, a host without module workers, or a worker that failed).
import { consolidate, headOfSubmission, type Consolidation, type Review } from '../../shared/consolidation';
import type { Submission, SubmissionHead, SummaryUnit } from '../../shared/consolidation';
import type { PeriodKey, UnitId } from '../../shared/model/ids';
import type { PlanDocument } from '../../shared/model/plan';
import { periodKey as keyOfPeriod, type Period } from '../../shared/periods/keys';
import { submissionHistory, type HistoryInput, type PeriodHistory } from '../../shared/report/history';
import type { ReceivedHead, ReceivedPackageRecord } from '../db/records';

/** Everything but the rows: small, posted to the worker as it is. */
export type PeriodFacts = {
  planId: PlanDocument['plan']['id'];
  calendar: PlanDocument['plan']['calendar'];
  items: PlanDocument['items'];
  period: Period;
  periodKey: PeriodKey;
  expected: UnitId[];
  units: SummaryUnit[];
  consolidatingUnitId: UnitId;
};

/** A row without its bytes and its submissions' reports (records.ts: ReceivedHead). */
export const headOf = ({ bytes: _bytes, submissions, ...rest }: ReceivedPackageRecord): ReceivedHead =>
  ({ ...rest, submissions: submissions.map(headOfSubmission) });

/** The latest review per unit: what the board shows while it concerns the latest sequence. */
function reviewsOf(rows: readonly ReceivedHead[]): Map<UnitId, Review> {
  const map = new Map<UnitId, Review>();
  for (const r of rows) {
    if (!r.review || r.unitId === null || r.sequence === null) continue;
    const current = map.get(r.unitId as UnitId);
    if (!current || current.sequence < r.sequence) map.set(r.unitId as UnitId, { state: r.review.state, sequence: r.sequence });
  }
  return map;
}

/** `S`: whole submissions to consolidate, or their heads to take the fingerprint of (the screen's thread). */
export type PeriodInput<S extends SubmissionHead = Submission> = { submissions: S[]; reviews: Map<UnitId, Review> };

/** What of the rows counts for the plan and period: the accepted files' submissions and the reviews. */
export function periodInput(rows: readonly ReceivedPackageRecord[], planId: string, periodKey: string): PeriodInput;
export function periodInput(rows: readonly ReceivedHead[], planId: string, periodKey: string): PeriodInput<SubmissionHead>;
export function periodInput(rows: readonly ReceivedHead[], planId: string, periodKey: string): PeriodInput<SubmissionHead> {
  const submissions = rows.filter((r) => r.reason === 'ok' && !r.setAside).flatMap((r) => r.submissions)
    .filter((s) => s.planId === planId && s.period === periodKey);
  return { submissions, reviews: reviewsOf(rows) };
}

/**
 * What the consolidation depends on in the rows, as text: the submissions (a ref names bytes that
 * never change) and the reviews. The worker reads the rows again; the same fingerprint on both
 * sides says it read what the screen holds.
 */
export function fingerprintOf(input: PeriodInput<SubmissionHead>): string {
  const reviews = [...input.reviews].map(([u, r]) => `${u}:${r.state}:${r.sequence}`).sort();
  return `${input.submissions.map((s) => s.ref).join('\n')}\n#\n${reviews.join('\n')}`;
}

export function consolidatePeriod(facts: PeriodFacts, input: PeriodInput): Consolidation {
  return consolidate({
    planId: facts.planId, calendar: facts.calendar, items: facts.items, period: facts.period,
    submissions: input.submissions, expected: facts.expected, units: facts.units,
    consolidatingUnitId: facts.consolidatingUnitId, reviews: input.reviews,
  });
}

/** The plan's history (the dashboard's and the merged view's periods so far) but its rows: posted to the worker as it is. */
export type HistoryFacts = Omit<HistoryInput, 'submissions' | 'expected'> & { expected: Record<string, readonly UnitId[]> };

/** Each period so far from every row of the plan: what the consolidation screen counts (verified, not set aside). */
export function historyOf(rows: readonly ReceivedPackageRecord[], facts: HistoryFacts): PeriodHistory[] {
  const submissions = rows.filter((r) => r.reason === 'ok' && !r.setAside).flatMap((r) => r.submissions);
  return submissionHistory({ ...facts, submissions, expected: (p) => facts.expected[keyOfPeriod(p)] ?? [] });
}
