// Long lists of units (a province's or a nation's thousands): found by name, at most
// LONG_LIST_ROWS rows drawn, with a search box and a line saying how many are shown. Drawing
// every row (3,321 units with their buttons) held the screen for one to one and a half seconds.
import { useMemo, useState } from 'react';
import { formatNumberVi } from '../../shared/format/vi';
import { matchesQuery } from '../../shared/text/fold';
import { useT } from '../i18n';

export const LONG_LIST_ROWS = 200;

export type FoundRows<T> = { long: boolean; query: string; setQuery: (q: string) => void; matching: readonly T[]; shown: readonly T[] };

/** The rows whose text matches the query (every word, without diacritics), the first LONG_LIST_ROWS of them shown. */
export function useFoundRows<T>(rows: readonly T[], text: (row: T) => string): FoundRows<T> {
  const [query, setQuery] = useState('');
  const matching = useMemo(() => (query.trim() ? rows.filter((r) => matchesQuery(text(r), query)) : rows), [rows, query, text]);
  return { long: rows.length > LONG_LIST_ROWS, query, setQuery, matching, shown: matching.slice(0, LONG_LIST_ROWS) };
}

/** The search box of a long list (nothing for a short one, which is drawn whole). */
export function FindInList<T>({ id, found }: { id: string; found: FoundRows<T> }) {
  const t = useT();
  if (!found.long) return null;
  return (
    <p className="toolbar">
      <label htmlFor={id}>{t('cons.list.find')}</label>{' '}
      <input id={id} type="search" value={found.query} onChange={(e) => found.setQuery(e.target.value)} />{' '}
      <span role="status">{t('cons.list.shown', { shown: formatNumberVi(found.shown.length), total: formatNumberVi(found.matching.length) })}</span>
    </p>
  );
}
