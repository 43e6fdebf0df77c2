/**
 * From what the officer typed (EntryDraft) to what a report says (Entry, IndicatorValue,
 * ProjectValue), with one message per field that cannot be read. Never throws: an unreadable
 * field becomes null in the values and an error on the field, and its text stays in the draft.
 */
import type { IsoDate } from '../model/ids';
import type { PlanItem } from '../model/plan';
import type { Entry, Evidence, IndicatorValue, ProjectValue } from '../model/report';
import { meetsTarget, parseTarget, type Achieved, type Target, type TargetOutcome } from '../cells/target';
import { parseMoney } from '../cells/money';
import { parseDateVi, parseNumberInputVi, parseRatioInputVi, type InputError } from '../format/vi';
import { normalizeText } from '../text/fold';
import type { EntryDraft } from './draft';

export type ErrorField = 'percent' | 'completedOn' | 'value' | 'disbursed' | `evidence.${number}.date`;
export type FieldReason = InputError['reason'] | 'out-of-range';
/** `message` is the core's Vietnamese sentence; screens may show their own by `reason`. */
export type FieldError = { field: ErrorField; reason: FieldReason; input: string; message: string };

// ---- indicators -------------------------------------------------------------------------------

/** What an indicator's value field holds once read. */
export type IndicatorReading =
  | { kind: 'empty' }
  | { kind: 'ratio'; numerator: number; denominator: number; percent: number; text: string }
  | { kind: 'number'; value: number; percent: boolean; text: string }
  | { kind: 'text'; text: string }
  | { kind: 'invalid'; error: InputError; text: string };

// `23.391/23.802`, `23.391 / 23.802 hồ sơ`: figures, a slash, figures, then perhaps a unit word.
const RATIO = /^([\d.,\s]*\d)\s*\/\s*(\d[\d.,]*(?:\s\d{3})*)(?:\s+(\p{L}.*))?$/u;
// `98,27`, `98.27%`, `17 phường`: one figure, perhaps a percent sign, perhaps a unit word.
const NUMBER = /^([-+\u2212]?\d[\d.,]*(?:\s\d{3})*)\s*(%?)(?:\s+(\p{L}.*))?$/u;

/**
 * Reads an indicator value. A ratio of counts keeps numerator and denominator (the city sums
 * them) and its unrounded percentage. A single figure is read with the decimal reading of
 * format/vi (`98,27` and `98.27` are 98.27, `23.391` is 23391). Anything not starting with a
 * figure is text (`Đã triển khai tại 100% bộ phận một cửa`), kept as written.
 */
export function readIndicatorInput(typed: string): IndicatorReading {
  const text = normalizeText(typed);
  if (text === '') return { kind: 'empty' };
  let m = RATIO.exec(text);
  if (m) {
    const r = parseRatioInputVi(`${m[1] ?? ''}/${m[2] ?? ''}`);
    return r.ok ? { kind: 'ratio', numerator: r.numerator, denominator: r.denominator, percent: r.percent, text } : { kind: 'invalid', error: r, text };
  }
  m = NUMBER.exec(text);
  if (m) {
    const n = parseNumberInputVi(m[1] ?? '', { kind: 'decimal' });
    return n.ok ? { kind: 'number', value: n.value, percent: m[2] === '%', text } : { kind: 'invalid', error: n, text };
  }
  if (/^[-+\u2212]?\d[\d.,]*[.,/]$/u.test(text) || /^[\d.,]*\d\s*\/\s*$/u.test(text)) {
    // `23.391/` or `98,`: a figure being typed, not words; say so rather than store it as text.
    return { kind: 'invalid', error: { ok: false, reason: 'invalid', message: `Số không hợp lệ: “${text}”.` }, text };
  }
  return { kind: 'text', text };
}

/** The value as the report carries it (DESIGN.md payload `indicatorValues`); null when empty. */
export function indicatorValueOf(reading: IndicatorReading, itemId: PlanItem['id']): IndicatorValue | null {
  switch (reading.kind) {
    case 'empty': return null;
    case 'ratio': return { itemId, numerator: reading.numerator, denominator: reading.denominator, value: reading.percent, text: reading.text };
    case 'number': return { itemId, numerator: null, denominator: null, value: reading.value, text: reading.text };
    case 'text':
    case 'invalid': return { itemId, numerator: null, denominator: null, value: null, text: reading.text };
  }
}

/** Met / not met / cannot judge, against the item's target cell (semantics in cells/target.ts). */
export function judgeIndicator(reading: IndicatorReading, target: Target): TargetOutcome {
  let achieved: Achieved;
  switch (reading.kind) {
    case 'ratio': achieved = { numerator: reading.numerator, denominator: reading.denominator, percent: reading.percent }; break;
    case 'number':
      achieved = reading.percent || (target.kind !== 'none' && target.kind !== 'text' && target.unit === 'percent')
        ? { percent: reading.value, value: reading.value } : { value: reading.value };
      break;
    default: return 'unknown';
  }
  return meetsTarget(target, achieved);
}

/** The percentage an indicator reading shows beside the field, when it has one. */
export function readingPercent(reading: IndicatorReading, target: Target): number | null {
  if (reading.kind === 'ratio') return reading.percent;
  if (reading.kind === 'number' && (reading.percent || (target.kind !== 'none' && target.kind !== 'text' && target.unit === 'percent'))) return reading.value;
  return null;
}

// ---- the whole draft --------------------------------------------------------------------------

export type ReadDraft = {
  entry: Entry;
  indicator: IndicatorValue | null;
  project: ProjectValue | null;
  errors: FieldError[];
};

const err = (field: ErrorField, e: InputError, input: string): FieldError => ({ field, reason: e.reason, input, message: e.message });

function readDate(field: ErrorField, typed: string, errors: FieldError[]): IsoDate | null {
  if (normalizeText(typed) === '') return null;
  const d = parseDateVi(typed);
  if (d.ok) return d.value;
  errors.push(err(field, d, typed));
  return null;
}

/** Percent done: 0 to 100, `87,5` and `87.5` alike, a trailing `%` allowed. */
export function readPercent(typed: string): { ok: true; value: number | null } | { ok: false; error: FieldError } {
  if (normalizeText(typed) === '') return { ok: true, value: null };
  const n = parseNumberInputVi(typed, { kind: 'decimal' });
  if (!n.ok) return { ok: false, error: err('percent', n, typed) };
  if (n.value < 0 || n.value > 100)
    return { ok: false, error: { field: 'percent', reason: 'out-of-range', input: typed, message: `Tỷ lệ hoàn thành phải từ 0 đến 100: “${normalizeText(typed)}”.` } };
  return { ok: true, value: n.value };
}

/** Money disbursed in million VND (`1.250` is 1250, `1,5` is 1.5, `2 tỷ đồng` is 2000). */
export function readDisbursed(typed: string): { ok: true; value: number | null } | { ok: false; error: FieldError } {
  const m = parseMoney(typed);
  if (m.kind === 'amount') return { ok: true, value: m.millionVnd };
  if (m.kind === 'none' && normalizeText(typed) === '') return { ok: true, value: null };
  return { ok: false, error: { field: 'disbursed', reason: 'invalid', input: typed, message: `Số tiền không hợp lệ: “${normalizeText(typed)}” (triệu đồng, ví dụ 1.250 hoặc 1.250,5).` } };
}

/** Reads one item's draft into the report's values, collecting a message per unreadable field. */
export function readDraft(item: Pick<PlanItem, 'id' | 'kind'>, draft: EntryDraft): ReadDraft {
  const errors: FieldError[] = [];
  const percent = readPercent(draft.percent);
  if (!percent.ok) errors.push(percent.error);
  const evidence: Evidence[] = draft.evidence
    .map((e, i) => ({ ref: normalizeText(e.ref), date: readDate(`evidence.${i}.date`, e.date, errors), note: normalizeText(e.note) }))
    .filter((e) => e.ref !== '' || e.date !== null || e.note !== '');
  const entry: Entry = {
    itemId: item.id,
    status: draft.status,
    percent: percent.ok ? percent.value : null,
    result: draft.result.trim(),
    difficulties: draft.difficulties.trim(),
    proposals: draft.proposals.trim(),
    evidence,
    completedOn: readDate('completedOn', draft.completedOn, errors),
  };
  let indicator: IndicatorValue | null = null;
  if (item.kind === 'indicator') {
    const reading = readIndicatorInput(draft.value);
    if (reading.kind === 'invalid') errors.push(err('value', reading.error, draft.value));
    indicator = indicatorValueOf(reading, item.id);
  }
  let project: ProjectValue | null = null;
  if (item.kind === 'project') {
    const d = readDisbursed(draft.disbursed);
    if (!d.ok) errors.push(d.error);
    project = { itemId: item.id, disbursedMillionVnd: d.ok ? d.value : null };
  }
  return { entry, indicator, project, errors };
}

/** Parses the item's target once (screens call this rather than cells/ directly). */
export const targetOf = (item: Pick<PlanItem, 'target'>): Target => parseTarget(item.target);
