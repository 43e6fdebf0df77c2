import { parseInstant, VIETNAM_UTC_OFFSET_MINUTES } from '../../../shared/periods/calendar';

/** `2024-05-12T09:30:00Z` → `12/05/2024 16:30` (Vietnam time); unreadable text as it is. */
export function formatInstantVi(s: string | null): string {
  if (!s) return '—';
  const ms = parseInstant(s);
  if (ms === null) return s;
  const d = new Date(ms + VIETNAM_UTC_OFFSET_MINUTES * 60_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

/** Text as bytes for saving. */
export const utf8 = (s: string) => new TextEncoder().encode(s);
