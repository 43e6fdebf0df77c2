// One consolidation of a period: sequence resolution, the board, the merged items with their
// roll-ups, difficulties and proposals grouped, and the `summary` a consolidated package
// carries. Pure and deterministic: the same submissions in any order, repeated or not, give
// the same answer, deep-equal (property-tested).
import type { IsoDate, PlanId, UnitId } from '../model/ids';
import type { PlanItem, ReportingCalendar } from '../model/plan';
import type { ReportPayload } from '../model/report';
import { dataWindow, dueDate, type DataWindow } from '../periods/calendar';
import { monthRange, periodKey, type Period } from '../periods/keys';
import { buildBoard, countBoard, type BoardCounts } from './board';
import { judgeTarget, readMoney } from './judge';
import { mergeItemFigures, mergeItems, type ItemFigures, type ItemMerge, type UnitReport } from './items';
import type { MoneyReader, Rollup } from './rollup';
import { byString, resolveSequences } from './sequence';
import { DEFAULT_SIMILARITY, groupTexts, type TextGroup } from './similarity';
import type { BoardRow, Resolution, Review, SequenceLine, Submission, SubmissionHead, TargetJudge } from './types';

export type SummaryUnit = { id: UnitId; name: string; parentId: UnitId | null };

export type ConsolidationInput = {
  planId: PlanId;
  calendar: ReportingCalendar;
  items: readonly PlanItem[];
  period: Period;
  submissions: readonly Submission[];
  /** The units expected to report (children of the consolidating unit valid in the period), in display order. */
  expected: readonly UnitId[];
  /** Names and parents for the summary, and the display order of everyone else; from the plan's units. */
  units?: readonly SummaryUnit[];
  consolidatingUnitId?: UnitId | null;
  /** Default: judgeTarget(item.target) over shared/cells/target.ts. */
  judge?: (item: PlanItem) => TargetJudge;
  /** Default: parseMoney of shared/cells/money.ts. */
  money?: MoneyReader;
  reviews?: ReadonlyMap<UnitId, Review>;
  /** Jaccard threshold for grouping difficulties and proposals. */
  similarity?: number;
  /** Group difficulties and proposals (default true); a caller that shows no texts skips the work. */
  feedback?: boolean;
  /**
   * 'figures': each item's unit rows carry status and figures only (mergeItemFigures) and no
   * feedback is grouped; for a caller that shows no texts (`planbook merge` without --out).
   */
  rows?: 'full' | 'figures';
};

/** A report that entered the roll-ups: which unit, which package. */
export type CountedReport = { unitId: UnitId; ref: string; packageId: string; sequence: number; contentKey: string; kind: Submission['kind'] };

export type ItemFeedback = { itemId: PlanItem['id']; difficulties: TextGroup[]; proposals: TextGroup[] };

export type ConsolidatedSummary = {
  planId: PlanId;
  period: string;
  consolidatingUnitId: UnitId | null;
  window: DataWindow;
  due: IsoDate;
  units: SummaryUnit[];
  board: BoardRow[];
  counts: BoardCounts;
  counted: Omit<CountedReport, 'ref'>[];
  items: { itemId: PlanItem['id']; kind: PlanItem['kind']; byStatus: ItemMerge['byStatus']; noStatus: number; overdueUnits: UnitId[]; rollup: Rollup | null }[];
  feedback: ItemFeedback[];
};

/** `S`: the submissions its lines name (with their reports as the core made it; without, on the screens). */
export type Consolidation<S extends SubmissionHead = Submission> = {
  resolutions: Resolution[];
  lines: SequenceLine<S>[];
  board: BoardRow[];
  counts: BoardCounts;
  counted: CountedReport[];
  items: ItemMerge[];
  feedback: ItemFeedback[];
  summary: ConsolidatedSummary;
};

/** A consolidation with figure rows (`rows: 'figures'`): no texts, so no feedback either. */
export type FiguresConsolidation = Omit<Consolidation, 'items'> & { items: ItemFigures[] };

export function consolidate(input: ConsolidationInput & { rows: 'figures' }): FiguresConsolidation;
export function consolidate(input: ConsolidationInput): Consolidation;
export function consolidate(input: ConsolidationInput): Consolidation | FiguresConsolidation {
  const key = periodKey(input.period);
  const { resolutions, lines } = resolveSequences(input.submissions);
  const ranks = new Map<UnitId, number>();
  for (const id of [...input.expected, ...(input.units ?? []).map((u) => u.id)]) if (!ranks.has(id)) ranks.set(id, ranks.size);
  const rank = (u: UnitId) => ranks.get(u) ?? ranks.size;
  const byUnit = (a: UnitId, b: UnitId) => rank(a) - rank(b) || byString(a, b);

  // Only this plan and period count; other packages keep their resolutions for the caller to show.
  const ours = lines.filter((l) => l.planId === input.planId && l.period === key);
  const board = buildBoard({ expected: input.expected, lines: ours, calendar: input.calendar, period: input.period, reviews: input.reviews });
  const counted = countedReports(ours, byUnit);
  const reports: UnitReport[] = counted.map((c) => ({ unitId: c.unitId, report: c.report }));
  const window = dataWindow(input.calendar, input.period);
  const options = {
    asOf: window.to,
    year: monthRange(input.period).year,
    judge: input.judge ?? ((item: PlanItem) => judgeTarget(item.target)),
    money: input.money ?? readMoney,
  };
  let items: ItemMerge[] | ItemFigures[];
  let feedback: ItemFeedback[] = [];
  if (input.rows === 'figures') items = mergeItemFigures(input.items, reports, options);
  else {
    const full = mergeItems(input.items, reports, options);
    if (input.feedback !== false) feedback = gatherFeedback(full, input.similarity ?? DEFAULT_SIMILARITY, rank);
    items = full;
  }
  const countedRows = counted.map(({ report: _report, ...row }) => row);
  const counts = countBoard(board);

  const names = new Map((input.units ?? []).map((u) => [u.id, u]));
  const involved = new Set<UnitId>([...(input.consolidatingUnitId ? [input.consolidatingUnitId] : []), ...input.expected, ...counted.map((c) => c.unitId)]);
  const units = [...involved].sort(byUnit).map((id) => {
    const u = names.get(id);
    return { id, name: u?.name ?? id, parentId: u?.parentId ?? null };
  });
  const summary: ConsolidatedSummary = {
    planId: input.planId, period: key, consolidatingUnitId: input.consolidatingUnitId ?? null,
    window, due: dueDate(input.calendar, input.period), units, board, counts,
    counted: countedRows.map(({ ref: _ref, ...row }) => row),
    items: (items as readonly (ItemMerge | ItemFigures)[]).map((i) => ({ itemId: i.itemId, kind: i.kind, byStatus: i.byStatus, noStatus: i.noStatus, overdueUnits: i.overdueUnits, rollup: i.rollup })),
    feedback,
  };
  return { resolutions, lines, board, counts, counted: countedRows, items, feedback, summary };
}

/**
 * The one report per unit that enters the roll-ups: its accepted `report` package, else the
 * own report its accepted `consolidated` package carries. A line whose latest sequence is in
 * conflict gives nothing (an older sequence is known to be outdated, so it is not used either).
 */
function countedReports(lines: readonly SequenceLine[], byUnit: (a: UnitId, b: UnitId) => number): (CountedReport & { report: ReportPayload })[] {
  const chosen = new Map<UnitId, Submission & { report: ReportPayload }>();
  for (const line of lines) {
    const s = line.accepted;
    if (!s || !s.report) continue;
    const current = chosen.get(s.unitId);
    if (!current || (current.kind === 'consolidated' && s.kind === 'report')) chosen.set(s.unitId, { ...s, report: s.report });
  }
  return [...chosen.values()]
    .sort((a, b) => byUnit(a.unitId, b.unitId))
    .map((s) => ({ unitId: s.unitId, ref: s.ref, packageId: s.packageId, sequence: s.sequence, contentKey: s.contentKey, kind: s.kind, report: s.report }));
}

function gatherFeedback(items: readonly ItemMerge[], threshold: number, rank: (u: UnitId) => number): ItemFeedback[] {
  const out: ItemFeedback[] = [];
  for (const item of items) {
    const difficulties = groupTexts(item.units.map((u) => ({ unitId: u.unitId, text: u.difficulties })), threshold, rank);
    const proposals = groupTexts(item.units.map((u) => ({ unitId: u.unitId, text: u.proposals })), threshold, rank);
    if (difficulties.length > 0 || proposals.length > 0) out.push({ itemId: item.itemId, difficulties, proposals });
  }
  return out;
}
