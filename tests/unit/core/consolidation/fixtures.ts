// Builders for the consolidation core's inputs: submissions as the edge hands them over after verification.
import { itemId, planId, unitId, type PeriodKey, type UnitId } from '../../../../shared/model/ids';
import type { PlanItem, ReportingCalendar } from '../../../../shared/model/plan';
import type { Entry, EntryStatus, IndicatorValue, ReportPayload } from '../../../../shared/model/report';
import type { Submission } from '../../../../shared/consolidation';

export const PLAN = planId('vungtau-cds-2024');
export const MAY = '2024-05' as PeriodKey;
export const wardsCalendar: ReportingCalendar = { kinds: ['month'], dueDay: 12, cutOffDay: 10, yearlyDue: null, consolidateBy: 25 };

export const W = (n: number | string): UnitId => unitId(`vt-p${n}`);

export function entry(id: string, status: EntryStatus | null, extra: Partial<Entry> = {}): Entry {
  return { itemId: itemId(id), status, percent: null, result: '', difficulties: '', proposals: '', evidence: [], completedOn: null, ...extra };
}
export function ratio(id: string, numerator: number | null, denominator: number | null, extra: Partial<IndicatorValue> = {}): IndicatorValue {
  const value = numerator !== null && denominator ? (100 * numerator) / denominator : null;
  return { itemId: itemId(id), numerator, denominator, value, text: '', ...extra };
}
export function report(parts: Partial<ReportPayload> = {}): ReportPayload {
  return { entries: [], indicatorValues: [], projectValues: [], narrative: '', ...parts };
}

/** A submission; `content` distinguishes packages of one sequence (same content, same key). */
export function sub(unit: UnitId, sequence: number, opts: Partial<Submission> & { content?: string } = {}): Submission {
  const { content = 'a', ...rest } = opts;
  return {
    ref: `${unit}-${sequence}-${content}.json`,
    direct: true,
    kind: 'report',
    unitId: unit,
    planId: PLAN,
    period: MAY,
    sequence,
    packageId: `${unit}/${sequence}/${content}`,
    contentKey: `${unit}|${sequence}|${content}`,
    createdAt: '2024-05-11T09:00:00+07:00',
    keyId: `KEY${String(unit).toUpperCase()}`,
    report: report(),
    ...rest,
  };
}

export function item(id: string, kind: PlanItem['kind'], extra: Partial<PlanItem> = {}): PlanItem {
  return { id: itemId(id), kind, sectionId: null, no: id, content: `Item ${id}`, lead: '', coordinating: '', due: '', target: '', note: '', ...extra };
}
