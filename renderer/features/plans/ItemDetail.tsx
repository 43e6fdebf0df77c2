import { useMemo } from 'react';
import type { PlanDocument, PlanItem } from '../../../shared/model/plan';
import type { AssignmentVia, Role } from '../../../shared/units/assignment';
import { planSpan } from '../../../shared/units/assignment';
import { parseUnitsCell } from '../../../shared/units/cell';
import type { Directory } from '../../../shared/units/directory';
import { useT, type MessageKey } from '../../i18n';
import { ParsedCells } from './ParsedCells';

type Props = { item: PlanItem | null; doc: PlanDocument | null; role: Role | null; via: AssignmentVia | null; directory: Directory | undefined };

/** One item: every cell as written in the plan, beside what PlanBook understood of it. */
export function ItemDetail({ item, doc, role, via, directory }: Props) {
  const t = useT();
  const parsed = useMemo(() => {
    if (!item || !doc || !directory) return null;
    const when = planSpan(doc.plan) ?? directory.data.asOf;
    const lead = parseUnitsCell(item.lead, directory, when);
    const coordinating = parseUnitsCell(item.coordinating, directory, when);
    const names = (id: string) => directory.units.get(id)?.name ?? directory.groups.get(id)?.name ?? id;
    return { lead, coordinating, names, unresolved: [...lead.unresolved, ...coordinating.unresolved] };
  }, [item, doc, directory]);

  if (!item || !doc) return <aside className="item-detail" aria-label={t('item.title')}><p className="muted">{t('item.select')}</p></aside>;
  const section = doc.sections.find((s) => s.id === item.sectionId);
  const cells: [MessageKey, string | undefined][] = [
    ['plans.col.no', item.no],
    ['item.section', section ? `${section.code}. ${section.title}` : undefined],
    ['plans.col.content', item.content],
    ['plans.col.lead', item.lead],
    ['plans.col.coordinating', item.coordinating],
    ['item.monitor', item.monitor],
    ['plans.col.due', item.due],
    ['item.baseline', item.baseline],
    ['item.nationalTarget', item.nationalTarget],
    ['plans.col.target', item.target],
    ['item.note', item.note],
    ['item.text', item.text],
  ];
  return (
    <aside className="item-detail" aria-label={t('item.title')}>
      <h2>{t(`kind.${item.kind}`)} {item.no}</h2>
      <p className="assigned">
        {t('item.assignedAs')}: <strong>{role ? t(`plans.role.${role}`) : t('item.notAssigned')}</strong>
        {role && via && <span className="muted"> · {t(`item.via.${via}`)}</span>}
      </p>
      <h3>{t('item.verbatim')}</h3>
      <dl className="cells">
        {cells.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => (
          <div key={k}><dt>{t(k)}</dt><dd>{v}</dd></div>
        ))}
      </dl>
      <h3>{t('item.parsed')}</h3>
      {parsed && <ParsedCells item={item} lead={parsed.lead} coordinating={parsed.coordinating} names={parsed.names} byDefault={via === 'addressed'} />}
      {parsed && parsed.unresolved.length > 0 && <p className="warning" role="note">{t('item.unresolved', { names: parsed.unresolved.join('; ') })}</p>}
    </aside>
  );
}
