// Projects in the merged view: per project the money disbursed this year against its budget (of
// the period's year, else the total), with the plan's budget phased by year beside it, and a total
// line. Built from the merged items' roll-ups (rollUpProject), so it says what the summary says.
import type { ItemId } from '../model/ids';
import type { PlanItem } from '../model/plan';
import type { ItemMerge } from './items';
import type { MoneyReader } from './rollup';

export type ProjectLine = {
  itemId: ItemId;
  /** The plan's budget for each year of `ProjectMoney.years`, million VND; null when the cell is empty or prose. */
  byYear: (number | null)[];
  budgetTotal: number | null;
  /** The period's year and its budget (null when the plan does not phase this project by year). */
  year: number;
  budgetOfYear: number | null;
  /** Disbursed in the year so far, summed over the units that reported it. */
  disbursed: number;
  units: number;
  /** 100 × disbursed ÷ (budget of the year, else the total), unrounded. */
  share: number | null;
};

export type ProjectMoney = {
  /** Every year any project phases its budget over, ascending. */
  years: number[];
  lines: ProjectLine[];
  total: Omit<ProjectLine, 'itemId' | 'units'>;
};

const sumOrNull = (values: readonly (number | null)[]): number | null =>
  values.some((v) => v !== null) ? values.reduce<number>((s, v) => s + (v ?? 0), 0) : null;

/** Projects in plan order; an item without a project roll-up (no merge) is skipped. */
export function projectMoney(items: readonly PlanItem[], merges: readonly ItemMerge[], money: MoneyReader): ProjectMoney {
  const projects = items.filter((i) => i.kind === 'project');
  const years = [...new Set(projects.flatMap((p) => Object.keys(p.budgetByYear ?? {}).map(Number).filter(Number.isInteger)))].sort((a, b) => a - b);
  const rollups = new Map(merges.map((m) => [m.itemId, m.rollup]));
  const lines: ProjectLine[] = [];
  for (const item of projects) {
    const r = rollups.get(item.id);
    if (r?.kind !== 'project') continue;
    const cell = (year: number) => item.budgetByYear?.[String(year)];
    lines.push({
      itemId: item.id,
      byYear: years.map((y) => { const c = cell(y); return c ? money(c) : null; }),
      budgetTotal: r.budgetMillionVnd, year: r.budgetYear, budgetOfYear: r.budgetYearMillionVnd,
      disbursed: r.disbursedMillionVnd, units: r.units, share: r.share,
    });
  }
  const base = sumOrNull(lines.map((l) => l.budgetOfYear ?? l.budgetTotal));
  const disbursed = lines.reduce((s, l) => s + l.disbursed, 0);
  return {
    years, lines,
    total: {
      byYear: years.map((_, i) => sumOrNull(lines.map((l) => l.byYear[i] ?? null))),
      budgetTotal: sumOrNull(lines.map((l) => l.budgetTotal)),
      year: lines[0]?.year ?? 0,
      budgetOfYear: sumOrNull(lines.map((l) => l.budgetOfYear)),
      disbursed,
      share: base !== null && base > 0 ? (100 * disbursed) / base : null,
    },
  };
}
