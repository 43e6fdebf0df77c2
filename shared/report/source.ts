// What a report is made of, gathered once from either input: one unit's report package with its
// plan, or a consolidated package (its signed summary and the reports it carries). Item lines
// come from the consolidation core's mergeItems, so a unit report and a consolidated report judge
// status, overdue items and targets exactly as the consolidation screens do.
import {
  groupTexts, judgeTarget, mergeItems, readMoney, DEFAULT_SIMILARITY,
  type BoardCounts, type BoardRow, type ConsolidatedSummary, type ItemFeedback, type ItemMerge, type SummaryUnit, type UnitReport,
} from '../consolidation';
import type { IsoDate, ItemId, UnitId } from '../model/ids';
import type { Plan, PlanDocument, PlanItem, Section, SectionKind } from '../model/plan';
import type { ReportPayload } from '../model/report';
import { dataWindow, dueDate, type DataWindow } from '../periods/calendar';
import { monthRange, parsePeriodKey, type Period } from '../periods/keys';

export type SourceItem = { item: PlanItem; merge: ItemMerge };
export type SourceSection = { section: Section | null; kind: SectionKind; items: SourceItem[] };

export type ReportSource = {
  kind: 'unit' | 'consolidated';
  plan: Pick<Plan, 'id' | 'title' | 'decision' | 'issuer'>;
  /** False when a consolidated package is printed without its plan: items show their ids. */
  planKnown: boolean;
  period: Period;
  unit: SummaryUnit;
  parent: SummaryUnit | null;
  /** Unit names by id (a unit missing from the list shows its id). */
  names: ReadonlyMap<UnitId, string>;
  sections: SourceSection[];
  narratives: { unitId: UnitId; text: string }[];
  window: DataWindow;
  due: IsoDate;
  /** Consolidated reports only. */
  board: BoardRow[] | null;
  counts: BoardCounts | null;
  feedback: ItemFeedback[];
};

const SECTION_KIND: Record<PlanItem['kind'], SectionKind> = { task: 'tasks', indicator: 'indicators', project: 'projects' };
const KIND_ORDER: readonly SectionKind[] = ['tasks', 'indicators', 'projects'];

/** Items under their sections in plan order; items outside any section in one group per kind, after. */
function sectionsOf(sections: readonly Section[], items: readonly SourceItem[]): SourceSection[] {
  const bySection = new Map<string, SourceItem[]>();
  for (const it of items) {
    const key = it.item.sectionId ?? `~${SECTION_KIND[it.item.kind]}`;
    const list = bySection.get(key);
    if (list) list.push(it);
    else bySection.set(key, [it]);
  }
  const out: SourceSection[] = [];
  for (const s of sections) {
    const list = bySection.get(s.id);
    if (list && list.length > 0) out.push({ section: s, kind: s.kind, items: list });
  }
  for (const kind of KIND_ORDER) {
    const list = bySection.get(`~${kind}`);
    if (list && list.length > 0) out.push({ section: null, kind, items: list });
  }
  // An item whose sectionId names no section of the plan still prints, with the unsectioned ones.
  const known = new Set([...sections.map((s) => s.id as string), ...KIND_ORDER.map((k) => `~${k}`)]);
  for (const [key, list] of bySection) if (!known.has(key)) out.push({ section: null, kind: SECTION_KIND[list[0]?.item.kind ?? 'task'], items: list });
  return out;
}

function feedbackOf(merged: readonly ItemMerge[], rank: (u: UnitId) => number): ItemFeedback[] {
  const out: ItemFeedback[] = [];
  for (const m of merged) {
    const difficulties = groupTexts(m.units.map((u) => ({ unitId: u.unitId, text: u.difficulties })), DEFAULT_SIMILARITY, rank);
    const proposals = groupTexts(m.units.map((u) => ({ unitId: u.unitId, text: u.proposals })), DEFAULT_SIMILARITY, rank);
    if (difficulties.length > 0 || proposals.length > 0) out.push({ itemId: m.itemId, difficulties, proposals });
  }
  return out;
}

export type UnitSourceInput = {
  plan: PlanDocument;
  unit: SummaryUnit;
  parent: SummaryUnit | null;
  period: Period;
  report: ReportPayload;
};

/** One unit's report: the items it reported on, in plan order. */
export function unitReportSource(input: UnitSourceInput): ReportSource {
  const { plan, unit, period, report } = input;
  const window = dataWindow(plan.plan.calendar, period);
  const merged = mergeItems(plan.items, [{ unitId: unit.id, report }], {
    asOf: window.to, year: monthRange(period).year, judge: (i) => judgeTarget(i.target), money: readMoney,
  });
  const byId = new Map(plan.items.map((i) => [i.id, i]));
  const items = merged.flatMap((m) => {
    const item = byId.get(m.itemId);
    return item && m.units.length > 0 ? [{ item, merge: m }] : [];
  });
  const names = new Map<UnitId, string>([[unit.id, unit.name], ...(input.parent ? [[input.parent.id, input.parent.name] as const] : [])]);
  return {
    kind: 'unit', plan: plan.plan, planKnown: true, period, unit, parent: input.parent, names,
    sections: sectionsOf(plan.sections, items),
    narratives: report.narrative.trim() ? [{ unitId: unit.id, text: report.narrative.trim() }] : [],
    window, due: dueDate(plan.plan.calendar, period), board: null, counts: null,
    feedback: feedbackOf(items.map((i) => i.merge), () => 0),
  };
}

export type ConsolidatedSourceInput = {
  /** The plan, for item texts and sections; null prints item ids (the package alone). */
  plan: PlanDocument | null;
  summary: ConsolidatedSummary;
  /** The reports that entered the roll-ups (summary.counted), from the package's children. */
  reports: readonly UnitReport[];
  /** The consolidated package's own unit, when the summary does not name it. */
  unitId: UnitId;
  /** More units (the plan package's), for names the summary lacks: the parent body of the header. */
  units?: readonly SummaryUnit[];
};

export type SourceResult = { ok: true; source: ReportSource } | { ok: false; error: string };

const stubItem = (id: ItemId, kind: PlanItem['kind']): PlanItem =>
  ({ id, kind, sectionId: null, no: '', content: id, lead: '', coordinating: '', due: '', target: '', note: '' });

/** A consolidated report. Status counts and roll-ups are the signed summary's; unit lines come from the reports. */
export function consolidatedReportSource(input: ConsolidatedSourceInput): SourceResult {
  const { summary, plan } = input;
  const period = parsePeriodKey(summary.period);
  if (!period) return { ok: false, error: `summary.period is not a period: ${summary.period}` };
  const units = new Map([...(input.units ?? []), ...summary.units].map((u) => [u.id, u]));
  const unitId = summary.consolidatingUnitId ?? input.unitId;
  const unit = units.get(unitId) ?? { id: unitId, name: unitId, parentId: null };
  const parent = unit.parentId ? units.get(unit.parentId) ?? null : null;
  const planItems = plan ? plan.items : summary.items.map((i) => stubItem(i.itemId, i.kind));
  const ranks = new Map(summary.units.map((u, i) => [u.id, i]));
  const order = (reports: readonly UnitReport[]) =>
    reports.slice().sort((a, b) => (ranks.get(a.unitId) ?? ranks.size) - (ranks.get(b.unitId) ?? ranks.size));
  const merged = mergeItems(planItems, order(input.reports), {
    asOf: summary.window.to, year: monthRange(period).year, judge: (i) => judgeTarget(i.target), money: readMoney,
  });
  // The signed summary is what the consolidating officer approved: its counts and roll-ups win.
  const signed = new Map(summary.items.map((i) => [i.itemId, i]));
  const byId = new Map(planItems.map((i) => [i.id, i]));
  const items: SourceItem[] = merged.flatMap((m) => {
    const item = byId.get(m.itemId);
    if (!item) return [];
    const s = signed.get(m.itemId);
    const merge: ItemMerge = s ? { ...m, byStatus: s.byStatus, noStatus: s.noStatus, overdueUnits: s.overdueUnits, rollup: s.rollup } : m;
    return [{ item, merge }];
  });
  const names = new Map([...units.values()].map((u) => [u.id, u.name]));
  return {
    ok: true,
    source: {
      kind: 'consolidated',
      plan: plan ? plan.plan : { id: summary.planId, title: '', decision: null, issuer: '' },
      planKnown: plan !== null, period, unit, parent, names,
      sections: sectionsOf(plan ? plan.sections : [], items),
      narratives: order(input.reports).flatMap((r) => (r.report.narrative.trim() ? [{ unitId: r.unitId, text: r.report.narrative.trim() }] : [])),
      window: summary.window, due: summary.due, board: summary.board, counts: summary.counts, feedback: summary.feedback,
    },
  };
}
