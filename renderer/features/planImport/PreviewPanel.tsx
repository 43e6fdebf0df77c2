import { useMemo } from 'react';
import type { PlanDocument, PlanItem, Section } from '../../../shared/model/plan';
import type { ImportWarning } from '../../../shared/xlsx/types';
import { useT } from '../../i18n';

const MAX_ROWS = 400;
const MAX_WARNINGS = 200;

/** Warnings as the importer wrote them (Vietnamese), each with its sheet and cell. */
export function WarningList({ warnings }: { warnings: readonly ImportWarning[] }) {
  const t = useT();
  const shown = warnings.slice(0, MAX_WARNINGS);
  return (
    <section className="pi-card" aria-labelledby="pi-warnings">
      <h2 id="pi-warnings">{t('planImport.warnings', { count: warnings.length })}</h2>
      {warnings.length === 0 ? <p className="muted">{t('planImport.noWarnings')}</p> : (
        <ul className="pi-warnings">
          {shown.map((w, i) => (
            <li key={`${w.sheet}:${w.ref}:${w.code}:${i}`} className={`pi-warning pi-w-${w.code}`}>
              <span className="pi-ref">{t('planImport.warningAt', { sheet: w.sheet, ref: w.ref })}</span>
              <span>{w.message}</span>
            </li>
          ))}
        </ul>
      )}
      {warnings.length > shown.length && <p className="muted">{t('planImport.moreWarnings', { count: warnings.length - shown.length })}</p>}
    </section>
  );
}

type Row = { type: 'section'; section: Section } | { type: 'item'; item: PlanItem };

/** Sections and items as they will be stored, in plan order. */
export function ItemsPreview({ doc }: { doc: PlanDocument }) {
  const t = useT();
  const rows = useMemo(() => {
    const sections = new Map(doc.sections.map((s) => [s.id, s]));
    const out: Row[] = [];
    let current: string | null | undefined;
    for (const it of doc.items.slice(0, MAX_ROWS)) {
      if (it.sectionId !== current) {
        current = it.sectionId;
        const s = it.sectionId ? sections.get(it.sectionId) : undefined;
        if (s) out.push({ type: 'section', section: s });
      }
      out.push({ type: 'item', item: it });
    }
    return out;
  }, [doc]);
  return (
    <section className="pi-card pi-items" aria-labelledby="pi-items">
      <h2 id="pi-items">{t('planImport.items')}</h2>
      <div className="pi-scroll">
        <table className="pi-grid">
          <thead>
            <tr>
              <th scope="col">{t('plans.col.no')}</th>
              <th scope="col">{t('plans.col.content')}</th>
              <th scope="col">{t('plans.col.lead')}</th>
              <th scope="col">{t('plans.col.coordinating')}</th>
              <th scope="col">{t('plans.col.due')}</th>
              <th scope="col">{t('plans.col.target')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => r.type === 'section' ? (
              <tr key={`s:${r.section.id}`} className="pi-section">
                <th scope="rowgroup" colSpan={6}>{r.section.code}. {r.section.title} <span className="muted">({t(`planImport.kind.${r.section.kind}`)})</span></th>
              </tr>
            ) : (
              <tr key={r.item.id} data-item={r.item.id}>
                <td>{r.item.no}</td>
                <td className="pi-content">{r.item.content}</td>
                <td>{r.item.lead}</td>
                <td>{r.item.coordinating}</td>
                <td>{r.item.due}</td>
                <td>{r.item.target || r.item.budgetTotal || ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {doc.items.length > MAX_ROWS && <p className="muted">{t('planImport.moreItems', { count: doc.items.length - MAX_ROWS })}</p>}
    </section>
  );
}
