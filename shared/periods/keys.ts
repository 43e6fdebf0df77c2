import type { PeriodKey } from '../model/ids';
import type { PeriodKind } from '../model/plan';

export type Period =
  | { kind: 'month'; year: number; month: number }
  | { kind: 'quarter'; year: number; quarter: number }
  | { kind: 'half'; year: number; half: number }
  | { kind: 'year'; year: number };

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

/** Reads a period key (DESIGN.md contract); null when the text is not one. */
export function parsePeriodKey(s: string): Period | null {
  const m = /^(\d{4})(?:-(?:(0[1-9]|1[0-2])|Q([1-4])|H([12])))?$/u.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2]) return { kind: 'month', year, month: Number(m[2]) };
  if (m[3]) return { kind: 'quarter', year, quarter: Number(m[3]) };
  if (m[4]) return { kind: 'half', year, half: Number(m[4]) };
  return { kind: 'year', year };
}

export function isPeriodKey(s: string): s is PeriodKey {
  return parsePeriodKey(s) !== null;
}

export function periodKey(p: Period): PeriodKey {
  const y = String(p.year).padStart(4, '0');
  switch (p.kind) {
    case 'month': return `${y}-${String(p.month).padStart(2, '0')}` as PeriodKey;
    case 'quarter': return `${y}-Q${p.quarter}` as PeriodKey;
    case 'half': return `${y}-H${p.half}` as PeriodKey;
    case 'year': return y as PeriodKey;
  }
}

/** First and last month (1-12) the period covers. */
export function monthRange(p: Period): { year: number; first: number; last: number } {
  switch (p.kind) {
    case 'month': return { year: p.year, first: p.month, last: p.month };
    case 'quarter': return { year: p.year, first: p.quarter * 3 - 2, last: p.quarter * 3 };
    case 'half': return { year: p.year, first: p.half * 6 - 5, last: p.half * 6 };
    case 'year': return { year: p.year, first: 1, last: 12 };
  }
}

/** True when `inner` lies wholly inside `outer` (a period contains itself). */
export function contains(outer: Period, inner: Period): boolean {
  const o = monthRange(outer);
  const i = monthRange(inner);
  return o.year === i.year && o.first <= i.first && i.last <= o.last;
}

/** Vietnamese label: `Tháng 5/2024`, `Quý II/2024`, `6 tháng đầu năm 2024`, `Năm 2024`. */
export function formatPeriodVi(p: Period): string {
  switch (p.kind) {
    case 'month': return `Tháng ${p.month}/${p.year}`;
    case 'quarter': return `Quý ${ROMAN[p.quarter - 1]}/${p.year}`;
    case 'half': return p.half === 1 ? `6 tháng đầu năm ${p.year}` : `6 tháng cuối năm ${p.year}`;
    case 'year': return `Năm ${p.year}`;
  }
}

/** English label: `May 2024`, `Q2 2024`, `H1 2024`, `Year 2024`. */
export function formatPeriodEn(p: Period): string {
  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  switch (p.kind) {
    case 'month': return `${MONTHS[p.month - 1]} ${p.year}`;
    case 'quarter': return `Q${p.quarter} ${p.year}`;
    case 'half': return `H${p.half} ${p.year}`;
    case 'year': return `Year ${p.year}`;
  }
}

/** Every period of one kind from year `from` to year `to`, in order. */
export function periodsOfKind(kind: PeriodKind, fromYear: number, toYear: number): Period[] {
  const out: Period[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    if (kind === 'year') out.push({ kind, year });
    else if (kind === 'half') for (let half = 1; half <= 2; half++) out.push({ kind, year, half });
    else if (kind === 'quarter') for (let quarter = 1; quarter <= 4; quarter++) out.push({ kind, year, quarter });
    else for (let month = 1; month <= 12; month++) out.push({ kind, year, month });
  }
  return out;
}
