import { useId, useState } from 'react';
import type { SectionId } from '../../../shared/model/ids';
import type { PlanItem } from '../../../shared/model/plan';
import { KIND_OF_SECTION } from '../../../shared/plans/edit';
import { useT } from '../../i18n';
import type { Editor } from './useEditor';

/** Reorder, add below, split, move to another section: each one edit operation. */
export function ItemActions({ editor, item }: { editor: Editor; item: PlanItem }) {
  const t = useT();
  const [split, setSplit] = useState<[string, string] | null>(null);
  const uid = useId();
  const sections = editor.doc.sections.filter((s) => KIND_OF_SECTION[s.kind] === item.kind && s.id !== item.sectionId);
  const [target, setTarget] = useState<string>('');
  const move = (direction: 'up' | 'down') => editor.apply({ op: 'move', itemId: item.id, direction });
  const add = () => editor.apply({ op: 'add-item', sectionId: item.sectionId, kind: item.kind, after: item.id, cells: { content: t('planEditor.newContent') } });
  const startSplit = () => {
    const lines = item.content.split('\n');
    const half = Math.max(1, Math.ceil(lines.length / 2));
    setSplit([lines.slice(0, half).join('\n'), lines.slice(half).join('\n')]);
  };
  return (
    <div className="pe-actions">
      <div className="pe-buttons" role="group" aria-label={t('planEditor.item')}>
        <button type="button" onClick={() => move('up')} aria-keyshortcuts="Alt+ArrowUp">↑ {t('planEditor.moveUp')}</button>
        <button type="button" onClick={() => move('down')} aria-keyshortcuts="Alt+ArrowDown">↓ {t('planEditor.moveDown')}</button>
        <button type="button" onClick={add}>{t('planEditor.addAfter')}</button>
        <button type="button" onClick={startSplit} aria-expanded={split !== null}>{t('planEditor.split')}</button>
        {sections.length > 0 && (
          <span className="pi-inline">
            <label className="pi-inline">
              <span>{t('planEditor.moveTo')}</span>
              <select value={target} onChange={(e) => setTarget(e.target.value)}>
                <option value="">—</option>
                {sections.map((s) => <option key={s.id} value={s.id}>{s.code ? `${s.code}. ${s.title}` : s.title}</option>)}
              </select>
            </label>
            <button type="button" disabled={!target}
              onClick={() => { if (editor.apply({ op: 'move-to-section', itemId: item.id, sectionId: target as SectionId })) setTarget(''); }}>
              {t('planEditor.moveToDo')}
            </button>
          </span>
        )}
      </div>
      {split && (
        <fieldset className="pe-split">
          <legend>{t('planEditor.split')}</legend>
          <label className="pi-field" htmlFor={`${uid}-a`}>{t('planEditor.splitFirst')}</label>
          <textarea id={`${uid}-a`} rows={3} value={split[0]} onChange={(e) => setSplit([e.target.value, split[1]])} />
          <label className="pi-field" htmlFor={`${uid}-b`}>{t('planEditor.splitSecond')}</label>
          <textarea id={`${uid}-b`} rows={3} value={split[1]} onChange={(e) => setSplit([split[0], e.target.value])} />
          <div className="pi-actions">
            <button type="button" onClick={() => setSplit(null)}>{t('planEditor.cancel')}</button>
            <button type="button" onClick={() => { if (editor.apply({ op: 'split', itemId: item.id, contents: split })) setSplit(null); }}>{t('planEditor.splitDo')}</button>
          </div>
        </fieldset>
      )}
    </div>
  );
}
