// From verified packages to the consolidation core and back: submissions out of verification
// results (children of consolidated packages included, nested to any depth), the plan's
// calendar and expected units, and which packages a new consolidated package carries.
import type { PeriodKey, PlanId, UnitId } from '../model/ids';
import type { PeriodKind, ReportingCalendar } from '../model/plan';
import type { ReportPayload } from '../model/report';
import type { PlanUnit } from '../model/units';
import { NATIONAL_CUT_OFF_DAY, type DataWindow } from '../periods/calendar';
import type { Package, VerifyResult } from '../packages';
import { byString } from './sequence';
import type { Submission, SubmissionHead } from './types';

/** What of a verification result the core reads (VerifyResult satisfies it). */
export type Verified = Pick<VerifyResult, 'reason' | 'kind' | 'header' | 'keyId' | 'package' | 'contentHash'> & { children?: Verified[] };

const KINDS: readonly PeriodKind[] = ['month', 'quarter', 'half', 'year'];
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const day = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 31 ? v : null);

/**
 * A plan package's calendar, read from `unknown` (the package schema only says it is an
 * object). Missing days take the national default (Nghị định 09/2019: cut-off on the 14th) and
 * a due day the day after it; missing kinds mean monthly.
 */
export function readCalendar(raw: unknown): ReportingCalendar {
  const c = isRecord(raw) ? raw : {};
  const kinds = Array.isArray(c.kinds) ? c.kinds.filter((k): k is PeriodKind => KINDS.includes(k as PeriodKind)) : [];
  const cutOffDay = day(c.cutOffDay) ?? NATIONAL_CUT_OFF_DAY;
  return {
    kinds: kinds.length > 0 ? kinds : ['month'],
    cutOffDay,
    dueDay: day(c.dueDay) ?? Math.min(cutOffDay + 1, 31),
    yearlyDue: typeof c.yearlyDue === 'string' && /^\d{1,2}-\d{1,2}$/u.test(c.yearlyDue) ? c.yearlyDue : null,
    consolidateBy: day(c.consolidateBy),
  };
}

/**
 * The children of the consolidating unit valid during the period's data window, in the plan's
 * order. A plan unit may carry `validFrom`/`validTo` (ISO dates; payloads may add fields): a
 * ward merged away on 1/7/2025 is not expected for 2025-08.
 */
export function expectedUnits(units: readonly PlanUnit[], consolidating: UnitId, window: DataWindow): UnitId[] {
  const date = (v: unknown): string | null => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/u.test(v) ? v.slice(0, 10) : null);
  return units.filter((u) => {
    if (u.parentId !== consolidating || u.id === consolidating) return false;
    const extra = u as PlanUnit & { validFrom?: unknown; validTo?: unknown };
    const from = date(extra.validFrom);
    const to = date(extra.validTo);
    return (from === null || from <= window.to) && (to === null || to >= window.from);
  }).map((u) => u.id);
}

/**
 * The submissions in one verified file: the package itself when it is a report or a
 * consolidated package of the plan, and every child of a consolidated package (depth first),
 * refs `file#children/2#children/0`. Only `ok` results count; anything else is the file's reason.
 */
export function submissionsOf(ref: string, verified: Verified, direct = true): Submission[] {
  const { header, package: pkg } = verified;
  if (verified.reason !== 'ok' || !header || !pkg || header.planId === null || header.period === null || verified.contentHash === null) return [];
  if (pkg.kind !== 'report' && pkg.kind !== 'consolidated') return [];
  const own = pkg.kind === 'consolidated' ? ownReport(pkg as Package<'consolidated'>) : (pkg.payload as ReportPayload);
  const self: Submission = {
    ref, direct, kind: pkg.kind, unitId: header.unitId, planId: header.planId as PlanId, period: header.period as PeriodKey,
    sequence: header.sequence, packageId: header.packageId, contentKey: verified.contentHash, createdAt: header.createdAt,
    keyId: verified.keyId ?? '', report: own,
  };
  const nested = (verified.children ?? []).flatMap((child, i) => submissionsOf(`${ref}#children/${i}`, child, false));
  return [self, ...nested];
}

/**
 * A consolidated package may carry its unit's own report as `summary.ownReport` (payloads may
 * add fields); usually the unit's own report is one of its children instead.
 */
function ownReport(pkg: Package<'consolidated'>): ReportPayload | null {
  const own = (pkg.payload.summary as Record<string, unknown>).ownReport;
  return isRecord(own) && Array.isArray(own.entries) ? (own as unknown as ReportPayload) : null;
}

/**
 * What a new consolidated package carries: each package that entered the roll-ups, verbatim
 * (a city's accepted consolidated package stands for the wards inside it; a ward report that
 * counted only from inside a package not carried is carried itself). Sorted by unit, kind and
 * sequence, so the package does not depend on file order.
 */
/** `a.json#children/1#children/0` is inside `a.json` and `a.json#children/1`, outermost first. */
const containers = (ref: string): string[] => {
  const out: string[] = [];
  for (let i = ref.indexOf('#children/'); i >= 0; i = ref.indexOf('#children/', i + 1)) out.push(ref.slice(0, i));
  return out;
};

export function packagesToCarry(
  accepted: readonly SubmissionHead[], packageOf: (ref: string) => Package | null,
): Package[] {
  const carried = new Map<string, { s: SubmissionHead; pkg: Package }>();
  const refs = new Set<string>();
  const sorted = accepted.slice().sort((a, b) => a.ref.length - b.ref.length || byString(a.ref, b.ref));
  for (const s of sorted) {
    // Inside a package already carried: it travels with it.
    if (containers(s.ref).some((r) => refs.has(r)) || carried.has(s.contentKey)) continue;
    const pkg = packageOf(s.ref);
    if (!pkg) continue;
    carried.set(s.contentKey, { s, pkg });
    refs.add(s.ref);
  }
  return [...carried.values()]
    .sort((a, b) => byString(a.s.unitId, b.s.unitId) || byString(a.s.kind, b.s.kind) || a.s.sequence - b.s.sequence || byString(a.s.contentKey, b.s.contentKey))
    .map((c) => c.pkg);
}
