/** A project's money disbursed against the plan's phased budget (million VND, as the tables state). */
import type { PlanItem } from '../model/plan';
import { parseMoney } from '../cells/money';

export type Disbursement = {
  disbursed: number | null;
  /** `Tổng kinh phí dự kiến`; null when the cell states no amount. */
  budgetTotal: number | null;
  /** The budget phased for the report's year (`Năm 2024` column), when the plan has one. */
  budgetYear: number | null;
  /** Unrounded percentages, null when either side is missing or the budget is 0. */
  ofTotal: number | null;
  ofYear: number | null;
};

const amount = (cell: string | undefined): number | null => {
  if (cell === undefined) return null;
  const m = parseMoney(cell);
  return m.kind === 'amount' ? m.millionVnd : null;
};
const share = (part: number | null, whole: number | null) => (part === null || whole === null || whole <= 0 ? null : (part / whole) * 100);

export function disbursement(item: Pick<PlanItem, 'budgetTotal' | 'budgetByYear'>, year: number, disbursed: number | null): Disbursement {
  const budgetTotal = amount(item.budgetTotal);
  const budgetYear = amount(item.budgetByYear?.[String(year)]);
  return { disbursed, budgetTotal, budgetYear, ofTotal: share(disbursed, budgetTotal), ofYear: share(disbursed, budgetYear) };
}
