/** Names and sequence numbers of exported report packages. */
import { fold } from '../text/fold';
import { nextSequence as nextOf } from '../packages/accepted';

/** Lower-case ASCII letters, digits and single dashes: safe on every file system and in e-mail. */
export function asciiSlug(s: string, max = 48): string {
  const slug = fold(s).replace(/[^a-z0-9]+/gu, '-').replace(/^-+|-+$/gu, '');
  return (slug.slice(0, max).replace(/-+$/u, '') || 'x');
}

/** `<unit>-<plan>-<period>-<sequence>.planbook.json`, ASCII only, at most 200 characters. */
export function exportFileName(unit: string, plan: string, period: string, sequence: number): string {
  const seq = Number.isSafeInteger(sequence) && sequence > 0 ? String(sequence) : '0';
  return `${asciiSlug(unit, 60)}-${asciiSlug(plan, 80)}-${asciiSlug(period, 10)}-${seq}.planbook.json`;
}

/**
 * The next sequence of a (unit, plan, period): one more than the highest ever known, from the
 * stored counter, every package still kept in `exported`, and any other witness (a copy of the
 * counter kept outside the database). A restore of an older database lowers some of these but
 * not all, so the number only grows and a ward never sends two different reports under one number.
 */
export function nextSequence(known: { stored: number | null; exported: readonly number[]; witnesses?: readonly (number | null)[] }): number {
  const all = [known.stored, ...known.exported, ...(known.witnesses ?? [])]
    .filter((n): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n > 0);
  return nextOf(all);
}
