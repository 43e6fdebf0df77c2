/**
 * Money cells of the project tables (`Tổng kinh phí dự kiến (triệu đồng)`, `Năm 2021`...), in
 * million VND as the tables state. Never throws; `verbatim` is always the cell as given.
 *
 * Separators: Vietnamese tables group thousands with dots (`350.000`, `2.876.939`) and mark
 * decimals with a comma (`1.234,5`); some tables use the English style (`10,000`, `10,000.5`).
 * The ambiguous single-separator forms are read as whole amounts when three digits follow
 * (`1.234` = 1234, `10,000` = 10000: money columns hold thousands far more often than
 * thousandths of a million), and as decimals otherwise (`1,5` = 1.5, `10.5` = 10.5).
 * A unit word may follow: `triệu`/`triệu đồng`/`tr.đ` (the column's own unit) or `tỷ đồng`
 * (× 1000). Anything else, such as `Ngân sách tỉnh` or `Lồng ghép`, is `text`.
 */
import { fold } from '../text/fold';
import { formatNumberVi, readNumberVi } from '../format/vi';

export type MoneyShape =
  | { kind: 'amount'; millionVnd: number }
  /** Empty cell or a dash: no amount stated. */
  | { kind: 'none' }
  | { kind: 'text' };
export type Money = { verbatim: string } & MoneyShape;

// Folded unit words and their factor to million VND.
const UNITS: ReadonlyArray<[RegExp, number]> = [
  [/ ?(?:trieu(?: dong| vnd)?|tr\.? ?d(?:ong)?|trd)$/u, 1],
  [/ ?(?:ty|ti)(?: dong| vnd)?$/u, 1000],
];

/** Reads a money cell, in million VND. Never throws: anything it cannot read is `text`. */
export function parseMoney(verbatim: string): Money {
  if (typeof verbatim !== 'string') return { kind: 'text', verbatim: String(verbatim) };
  let f = fold(verbatim).replace(/[.;]$/u, '');
  if (f === '' || /^[-‐‑‒–—―\u2212.…/]+$/u.test(f)) return { kind: 'none', verbatim };
  let factor = 1;
  for (const [re, k] of UNITS) {
    if (re.test(f)) { factor = k; f = f.replace(re, ''); break; }
  }
  const value = readNumberVi(f, 'grouped');
  // A negative budget is not a budget; keep the cell for a person to read.
  if (value === null || value < 0) return { kind: 'text', verbatim };
  // 1,1 tỷ × 1000 is 1100.0000000000002 in floating point: round to one VND.
  const millionVnd = factor === 1 ? value : Math.round(value * factor * 1e6) / 1e6;
  return Number.isFinite(millionVnd) ? { kind: 'amount', millionVnd, verbatim } : { kind: 'text', verbatim };
}

/**
 * `2876939` → `2.876.939` (million VND, as the tables print it). At most 2 decimals (ten
 * thousand VND): with 3, `12,345` would read back as twelve thousand under the rule above.
 */
export function formatMoneyVi(millionVnd: number): string {
  return formatNumberVi(millionVnd, 2);
}
