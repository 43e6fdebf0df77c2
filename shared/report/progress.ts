// The words of one line of progress (a unit's status, percent, result, value, money, evidence)
// and of an item's roll-up, as both the printed tables and the Excel `Kết quả` cells show them.
import type { ItemMerge, Rollup, UnitItemRow } from '../consolidation';
import { formatDateVi, formatNumberVi, formatPercentVi } from '../format/vi';
import type { PlanItem } from '../model/plan';
import type { EntryStatus } from '../model/report';
import { STATUS_ORDER, STATUS_VI } from './labels';

const money = (n: number) => `${formatNumberVi(n, 2)} triệu đồng`;

/** `Đang triển khai (60%)`; the percent only while it says something (not for a finished item). */
export function statusText(status: EntryStatus | null, percent: number | null): string {
  if (status === null) return percent !== null ? `Tỷ lệ hoàn thành ${formatPercentVi(percent)}` : 'Chưa cập nhật tình trạng';
  const showPercent = percent !== null && (status === 'in-progress' || status === 'not-started' || status === 'carried-over');
  return showPercent ? `${STATUS_VI[status]} (${formatPercentVi(percent)})` : STATUS_VI[status];
}

/** A unit's value for an indicator: `23.391/23.802 (98,27%)`, a number, or its text. */
export function indicatorText(v: NonNullable<UnitItemRow['indicator']>): string {
  const parts: string[] = [];
  if (v.numerator !== null && v.denominator !== null) {
    const pct = v.denominator > 0 ? ` (${formatPercentVi((100 * v.numerator) / v.denominator)})` : '';
    parts.push(`${formatNumberVi(v.numerator)}/${formatNumberVi(v.denominator)}${pct}`);
  } else if (v.value !== null) parts.push(formatNumberVi(v.value, 2));
  if (v.text.trim()) parts.push(v.text.trim());
  if (v.meets !== null) parts.push(v.meets ? 'Đạt chỉ tiêu' : 'Chưa đạt chỉ tiêu');
  return parts.join('; ');
}

export function evidenceText(row: Pick<UnitItemRow, 'evidence'>): string {
  return row.evidence
    .filter((e) => e.ref.trim() || e.note.trim())
    .map((e) => [e.ref.trim(), e.date ? `ngày ${formatDateVi(e.date)}` : '', e.note.trim()].filter(Boolean).join(' '))
    .join('; ');
}

/** The `Tiến độ / Kết quả` cell of a unit's line, one fact per line. */
export function progressText(row: UnitItemRow): string {
  const lines = [statusText(row.status, row.percent)];
  if (row.overdue) lines.push('Quá thời hạn hoàn thành');
  if (row.completedOn) lines.push(`Hoàn thành ngày ${formatDateVi(row.completedOn)}`);
  if (row.indicator) {
    const v = indicatorText(row.indicator);
    if (v) lines.push(`Kết quả: ${v}`);
  }
  if (row.disbursedMillionVnd !== undefined && row.disbursedMillionVnd !== null) lines.push(`Giải ngân: ${money(row.disbursedMillionVnd)}`);
  if (row.result.trim()) lines.push(row.result.trim());
  const ev = evidenceText(row);
  if (ev) lines.push(`Văn bản: ${ev}`);
  return lines.join('\n');
}

/** `Hoàn thành: 3; Đang triển khai: 10` over the statuses that occur. */
export function statusCountsText(merge: Pick<ItemMerge, 'byStatus' | 'noStatus'>): string {
  const parts = STATUS_ORDER.filter((s) => merge.byStatus[s] > 0).map((s) => `${STATUS_VI[s]}: ${merge.byStatus[s]}`);
  if (merge.noStatus > 0) parts.push(`Chưa cập nhật: ${merge.noStatus}`);
  return parts.join('; ');
}

/** An indicator's or project's roll-up in one sentence; empty for none. */
export function rollupText(rollup: Rollup | null, item: Pick<PlanItem, 'target'>): string {
  if (!rollup) return '';
  if (rollup.kind === 'project') {
    const base = rollup.budgetYearMillionVnd ?? rollup.budgetMillionVnd;
    const share = rollup.share !== null ? ` (${formatPercentVi(rollup.share)} kế hoạch vốn${rollup.budgetYearMillionVnd !== null ? ` năm ${rollup.budgetYear}` : ''})` : '';
    return `Đã giải ngân ${money(rollup.disbursedMillionVnd)}${base !== null ? ` / ${money(base)}` : ''}${share}`;
  }
  const parts: string[] = [];
  if (rollup.numerator !== null && rollup.denominator !== null)
    parts.push(`Tổng hợp: ${formatNumberVi(rollup.numerator)}/${formatNumberVi(rollup.denominator)}${rollup.value !== null ? ` (${formatPercentVi(rollup.value)})` : ''}`);
  if (rollup.total !== null) parts.push(`Tổng: ${formatNumberVi(rollup.total, 2)}`);
  if (rollup.unitsJudged > 0) parts.push(`${rollup.unitsMeeting}/${rollup.unitsJudged} đơn vị đạt`);
  if (item.target.trim()) parts.push(`chỉ tiêu ${item.target.trim()}`);
  if (rollup.met !== null) parts.push(rollup.met ? 'Đạt' : 'Chưa đạt');
  return parts.join('; ');
}

/** `1.2. Nội dung…` shortened for lists of difficulties: the reader finds the full text in the table. */
export function itemLabel(item: Pick<PlanItem, 'no' | 'content'>, max = 90): string {
  const content = item.content.replace(/\s+/gu, ' ').trim();
  const short = content.length > max ? `${content.slice(0, max).replace(/\s+\S*$/u, '')}…` : content;
  return item.no ? `${item.no}. ${short}` : short;
}
