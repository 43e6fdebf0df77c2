// What the consolidation core reads and answers. The core never touches files, keys or the unit
// directory: the edge verifies packages and hands over `Submission`s, and passes the expected
// units (children of the consolidating unit valid in the period) as plain ids.
import type { PeriodKey, PlanId, UnitId } from '../model/ids';
import type { ReportPayload } from '../model/report';

/** The kinds of package a unit submits for a period; each has its own sequence line. */
export type SubmissionKind = 'report' | 'consolidated';

/**
 * One verified package (or one child of a verified consolidated package) for the plan.
 * Everything here comes from the signed content, except `ref` and `direct`.
 */
export type Submission = {
  /** Where it came from, for the officer: a file name, or `city.json#children/3` for a child. */
  ref: string;
  /** Received as a file of its own (true) or only inside a consolidated package (false). */
  direct: boolean;
  kind: SubmissionKind;
  unitId: UnitId;
  planId: PlanId;
  period: PeriodKey;
  sequence: number;
  packageId: string;
  /** Equal exactly when the signed content is equal (a hash of the canonical signed bytes). */
  contentKey: string;
  /** header.createdAt as signed by the unit: the submission time the board judges. */
  createdAt: string;
  keyId: string;
  /** The report (for `report`; for `consolidated`, the unit's own report when it carries one). */
  report: ReportPayload | null;
};

/** A submission without its report: what judging arrivals, sequences and the board need. */
export type SubmissionHead = Omit<Submission, 'report'>;

export const headOfSubmission = ({ report: _report, ...head }: Submission): SubmissionHead => head;

/**
 * What became of one submission (the DESIGN.md reasons sequence resolution can answer). A batch
 * is judged as a set, so a lower sequence is `ok` with `supersededBy`, never `stale`: `stale`
 * is for a package arriving after a newer one was accepted earlier, which the importer knows.
 */
export type ResolutionReason = 'ok' | 'duplicate' | 'conflict';

export type Resolution = {
  ref: string;
  reason: ResolutionReason;
  unitId: UnitId;
  kind: SubmissionKind;
  sequence: number;
  /** A newer sequence of the same unit, plan, period and kind exists in the set. */
  supersededBy?: number;
  /** For a duplicate: the ref of the copy that counts. */
  duplicateOf?: string;
};

/** One line of sequences: a unit's packages of one kind for one plan and period. */
/** `S`: the submissions it names; the screens hold them without their reports (`SubmissionHead`). */
export type SequenceLine<S extends SubmissionHead = Submission> = {
  key: string;
  unitId: UnitId;
  kind: SubmissionKind;
  planId: PlanId;
  period: PeriodKey;
  /** The highest sequence seen (ok or conflict). */
  latest: number;
  /** The package that counts, or null while the latest sequence is in conflict. */
  accepted: S | null;
  /** Distinct contents of the latest sequence when they disagree (two or more). */
  conflicting: S[];
  /** Distinct packages (duplicates removed), lowest sequence first. */
  distinct: S[];
};

export type BoardState = 'on-time' | 'late' | 'missing';
export type ReviewState = 'approved' | 'returned';
export type Review = { state: ReviewState; sequence: number };
export type BoardReview = ReviewState | 'resubmitted';

export type BoardRow = {
  unitId: UnitId;
  state: BoardState;
  /** The unit's latest sequence is in conflict: its data waits for the officer. */
  conflict: boolean;
  kind: SubmissionKind | null;
  /** Sequence, time and signing key of the latest package (the accepted one, or a conflicting one). */
  sequence: number | null;
  submittedAt: string | null;
  keyId: string | null;
  /** The earliest submission of the period: what on time / late is judged on. */
  firstSubmittedAt: string | null;
  /** Distinct packages received for the period and how many of them a newer one superseded. */
  packages: number;
  superseded: number;
  /** Received only inside another unit's consolidated package. */
  indirect: boolean;
  /**
   * The officer's review when it concerns the latest sequence; `resubmitted` when the latest
   * review returned an older sequence and a newer package has come since (the answer, waiting for
   * the officer); null otherwise (a newer package after an approval reopens it).
   */
  review: BoardReview | null;
};

/** What a judge is asked about: a percentage, units meeting (`17/17`), or a plain number. */
export type Achievement = { percent?: number; numerator?: number; denominator?: number; value?: number };

/**
 * How an indicator's target judges achievements: `judgeTarget` adapts shared/cells/target.ts;
 * tests and other callers may pass their own.
 */
export type TargetJudge = {
  /** `percent`: a share to reach; `count`: `17/17` units; `number`: an amount; `other`: prose. */
  kind: 'percent' | 'count' | 'number' | 'other';
  /** Met, not met, or null when the target cannot judge this achievement. */
  meets(achieved: Achievement): boolean | null;
  /** For `count`: how many units must meet it (17 of `17/17`). */
  unitsNeeded: number | null;
};
