import { useEffect, useId, useState } from 'react';
import type { PlanItem } from '../../../shared/model/plan';
import { EDITABLE_CELLS, type CellEdits, type EditableCell } from '../../../shared/plans/edit';
import { useT } from '../../i18n';
import { ItemActions } from './ItemActions';
import type { Editor } from './useEditor';

const ALWAYS: readonly EditableCell[] = ['no', 'content', 'lead', 'coordinating', 'due', 'target', 'note'];
const LONG: readonly EditableCell[] = ['content', 'note'];

/** The selected item's cells, edited together and applied as one operation. */
export function ItemForm({ editor }: { editor: Editor }) {
  const t = useT();
  const item = editor.doc.items.find((it) => it.id === editor.selected) ?? null;
  const [cells, setCells] = useState<CellEdits>({});
  const uid = useId();
  useEffect(() => setCells({}), [item?.id]);
  if (!item) return <section className="pi-card" aria-label={t('planEditor.item')}><p>{t('planEditor.noItem')}</p></section>;
  const shown = EDITABLE_CELLS.filter((k) => ALWAYS.includes(k) || item[k] !== undefined);
  const value = (k: EditableCell) => cells[k] ?? valueOf(item, k);
  const changed = Object.entries(cells).filter(([k, v]) => v !== valueOf(item, k as EditableCell));
  const submit = () => {
    if (changed.length === 0) return;
    if (editor.apply({ op: 'edit-cells', itemId: item.id, cells: Object.fromEntries(changed) })) setCells({});
  };
  return (
    <section className="pi-card" aria-labelledby="pe-item-title">
      <h2 id="pe-item-title">{t('planEditor.item')} <code className="muted">{item.id}</code></h2>
      <ItemActions editor={editor} item={item} />
      <form className="pe-cells" onSubmit={(e) => { e.preventDefault(); submit(); }}>
        {shown.map((k) => (
          <div key={k} className={LONG.includes(k) ? 'pi-field pe-wide' : 'pi-field'}>
            <label htmlFor={`${uid}-${k}`}>{t(`planEditor.cell.${k}`)}</label>
            {LONG.includes(k)
              ? <textarea id={`${uid}-${k}`} rows={k === 'content' ? 4 : 2} value={value(k)} onChange={(e) => setCells({ ...cells, [k]: e.target.value })} />
              : <input id={`${uid}-${k}`} value={value(k)} onChange={(e) => setCells({ ...cells, [k]: e.target.value })} />}
          </div>
        ))}
        <div className="pi-actions pe-wide"><button type="submit" disabled={changed.length === 0}>{t('planEditor.applyCells')}</button></div>
      </form>
    </section>
  );
}

function valueOf(item: PlanItem, k: EditableCell): string {
  return item[k] ?? '';
}
