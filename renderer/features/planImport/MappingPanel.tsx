import type { SectionKind } from '../../../shared/model/plan';
import { colName } from '../../../shared/xlsx';
import type { ColumnMap, Field, TableMapping } from '../../../shared/xlsx/types';
import { useT } from '../../i18n';

const FIELDS: readonly Field[] = [
  'no', 'content', 'lead', 'coordinating', 'due', 'target', 'note', 'monitor', 'baseline', 'nationalTarget',
  'budgetTotal', 'budgetYear', 'fundingSource',
];
const KINDS: readonly SectionKind[] = ['tasks', 'indicators', 'projects'];
const isField = (s: string): s is Field => (FIELDS as readonly string[]).includes(s);
const isKind = (s: string): s is SectionKind => (KINDS as readonly string[]).includes(s);

/** A year for a `Kinh phí năm` column: the one in its header, else the current year. */
const yearOf = (c: ColumnMap) => c.year ?? /\b(20\d{2})\b/u.exec(c.label)?.[1] ?? String(new Date().getFullYear());

/** Every detected table with a select per column; a change hands the changed tables back. */
export function MappingPanel({ tables, busy, onChange }: { tables: readonly TableMapping[]; busy: boolean; onChange: (tables: TableMapping[]) => void }) {
  const t = useT();
  const setColumn = (ti: number, ci: number, value: string) => onChange(tables.map((tb, i) => i !== ti ? tb : {
    ...tb,
    columns: tb.columns.map((c, j) => {
      if (j !== ci) return c;
      const field = isField(value) ? value : null;
      const { year: _y, ...rest } = c;
      return field === 'budgetYear' ? { ...rest, field, year: yearOf(c) } : { ...rest, field };
    }),
  }));
  const setKind = (ti: number, value: string) => {
    if (isKind(value)) onChange(tables.map((tb, i) => (i === ti ? { ...tb, kind: value } : tb)));
  };
  return (
    <section className="pi-card" aria-labelledby="pi-tables">
      <h2 id="pi-tables">{t('planImport.tables')}</h2>
      {tables.map((tb, ti) => (
        <div key={`${tb.sheet}:${tb.headerRow}`} className="pi-table">
          <div className="pi-table-head">
            <h3>{t('planImport.table', { n: ti + 1, sheet: tb.sheet, row: tb.headerRow + 1 })}</h3>
            <label className="pi-inline">
              <span>{t('planImport.tableKind', { n: ti + 1 })}</span>
              <select value={tb.kind} disabled={busy} onChange={(e) => setKind(ti, e.target.value)}>
                {KINDS.map((k) => <option key={k} value={k}>{t(`planImport.kind.${k}`)}</option>)}
              </select>
            </label>
          </div>
          <table className="pi-grid">
            <thead>
              <tr><th scope="col">{t('planImport.col.column')}</th><th scope="col">{t('planImport.col.header')}</th><th scope="col">{t('planImport.col.field')}</th></tr>
            </thead>
            <tbody>
              {tb.columns.map((c, ci) => (
                <tr key={c.col} className={c.field === null ? 'pi-ignored' : undefined}>
                  <td>{colName(c.col)}</td>
                  <td>{c.label || '—'}</td>
                  <td>
                    <select aria-label={t('planImport.mapColumn', { col: colName(c.col), label: c.label })} value={c.field ?? ''}
                      disabled={busy} onChange={(e) => setColumn(ti, ci, e.target.value)}>
                      <option value="">{t('planImport.field.none')}</option>
                      {FIELDS.map((f) => <option key={f} value={f}>{t(`planImport.field.${f}`)}{f === 'budgetYear' && c.field === f ? ` ${yearOf(c)}` : ''}</option>)}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
