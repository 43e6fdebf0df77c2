/**
 * The `report` payload (DESIGN.md, contract): a full snapshot of the unit's period, never a delta.
 * Built from the rows as stored, in the plan order of the unit's assigned items; also read back
 * from an exported package (typed `unknown`, checked field by field) to compare with the draft.
 */
import type { IsoDate, ItemId } from '../model/ids';
import type { PlanItem } from '../model/plan';
import type { Entry, Evidence, IndicatorValue, ProjectValue, ReportPayload } from '../model/report';
import { emptyDraft, isEntryStatus, type ProgressRow } from './draft';
import { readDraft } from './read';
import { readReportAnswers, reportAnswers, type ReportAnswer } from './answers';

/**
 * The report payload as PlanBook writes it: the contract's fields, plus `answers` (issue 5) when
 * the unit answered comments of a returned report. Without answers the field is left out, so a
 * report with nothing to answer is the contract's payload exactly.
 */
export type UnitReportPayload = ReportPayload & { answers?: ReportAnswer[] };

export function buildReportPayload(items: readonly Pick<PlanItem, 'id' | 'kind'>[], rows: readonly ProgressRow[], narrative: string): UnitReportPayload {
  const byItem = new Map(rows.map((r) => [r.itemId, r]));
  const entries: Entry[] = [];
  const indicatorValues: IndicatorValue[] = [];
  const projectValues: ProjectValue[] = [];
  for (const item of items) {
    const read = readDraft(item, byItem.get(item.id)?.draft ?? emptyDraft());
    entries.push(read.entry);
    if (read.indicator) indicatorValues.push(read.indicator);
    if (read.project) projectValues.push(read.project);
  }
  const answers = reportAnswers(items, rows);
  const payload: UnitReportPayload = { entries, indicatorValues, projectValues, narrative: narrative.trim() };
  if (answers.length > 0) payload.answers = answers;
  return payload;
}

// ---- reading a payload back -------------------------------------------------------------------

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const numOrNull = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const strOrNull = (v: unknown) => (typeof v === 'string' ? v : null);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * The `report` payload of a parsed package (or a bare payload), or null when it is not one.
 * Unknown fields are ignored and missing optional ones defaulted, as the contract asks of readers.
 */
export function readReportPayload(pkgOrPayload: unknown): UnitReportPayload | null {
  if (!isObj(pkgOrPayload)) return null;
  const p = isObj(pkgOrPayload.payload) ? pkgOrPayload.payload : pkgOrPayload;
  if (!Array.isArray(p.entries)) return null;
  const entries: Entry[] = p.entries.filter(isObj).map((e) => ({
    itemId: str(e.itemId) as ItemId,
    status: isEntryStatus(e.status) ? e.status : null,
    percent: numOrNull(e.percent),
    result: str(e.result), difficulties: str(e.difficulties), proposals: str(e.proposals),
    evidence: list(e.evidence).filter(isObj).map((v): Evidence => ({ ref: str(v.ref), date: strOrNull(v.date) as IsoDate | null, note: str(v.note) })),
    completedOn: strOrNull(e.completedOn) as IsoDate | null,
  }));
  const indicatorValues: IndicatorValue[] = list(p.indicatorValues).filter(isObj).map((v) => ({
    itemId: str(v.itemId) as ItemId, numerator: numOrNull(v.numerator), denominator: numOrNull(v.denominator), value: numOrNull(v.value), text: str(v.text),
  }));
  const projectValues: ProjectValue[] = list(p.projectValues).filter(isObj).map((v) => ({
    itemId: str(v.itemId) as ItemId, disbursedMillionVnd: numOrNull(v.disbursedMillionVnd),
  }));
  const out: UnitReportPayload = { entries, indicatorValues, projectValues, narrative: str(p.narrative) };
  const answers = readReportAnswers(p);
  if (answers.length > 0) out.answers = answers;
  return out;
}

