// The list of units to chase by phone, as CSV (opens in Excel: UTF-8 with BOM, CRLF) or plain text.
import type { BoardRow } from '../consolidation/types';

export type UnitName = (unitId: string) => string;

const csvCell = (s: string) => (/[",\r\n;]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s);

export function missingCsv(rows: readonly BoardRow[], name: UnitName, header: readonly [string, string, string]): string {
  const lines = [header.map(csvCell).join(',')];
  rows.filter((r) => r.state === 'missing').forEach((r, i) => lines.push([String(i + 1), r.unitId, name(r.unitId)].map(csvCell).join(',')));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function missingText(rows: readonly BoardRow[], name: UnitName, title: string): string {
  const missing = rows.filter((r) => r.state === 'missing');
  return [title, ...missing.map((r, i) => `${i + 1}. ${name(r.unitId)} (${r.unitId})`)].join('\n') + '\n';
}
