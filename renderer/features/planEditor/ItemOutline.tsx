import type { KeyboardEvent } from 'react';
import type { ItemId } from '../../../shared/model/ids';
import type { PlanDocument, PlanItem, SectionKind } from '../../../shared/model/plan';
import { KIND_OF_SECTION } from '../../../shared/plans/edit';
import { useT } from '../../i18n';
import type { Editor } from './useEditor';

const KINDS: SectionKind[] = ['indicators', 'tasks', 'projects'];

/** Rows grouped as the plan prints them: per table, items outside a section, then each section. */
function groups(doc: PlanDocument): { key: string; label: string | null; kind: SectionKind; items: PlanItem[] }[] {
  return KINDS.flatMap((kind) => {
    const items = doc.items.filter((it) => it.kind === KIND_OF_SECTION[kind]);
    if (items.length === 0 && !doc.sections.some((s) => s.kind === kind)) return [];
    const loose = items.filter((it) => it.sectionId === null);
    return [
      ...(loose.length > 0 ? [{ key: `${kind}:none`, label: null, kind, items: loose }] : []),
      ...doc.sections.filter((s) => s.kind === kind).map((s) => ({
        key: s.id, label: s.code ? `${s.code}. ${s.title}` : s.title, kind, items: items.filter((it) => it.sectionId === s.id),
      })),
    ];
  });
}

/** The plan's rows as a listbox; Alt+↑/↓ moves the selected row within its section. */
export function ItemOutline({ editor }: { editor: Editor }) {
  const t = useT();
  const onKey = (e: KeyboardEvent<HTMLUListElement>) => {
    if (!editor.selected) return;
    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      editor.apply({ op: 'move', itemId: editor.selected, direction: e.key === 'ArrowUp' ? 'up' : 'down' });
      return;
    }
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      const all = editor.doc.items;
      const i = all.findIndex((it) => it.id === editor.selected);
      const next = all[i + (e.key === 'ArrowUp' ? -1 : 1)];
      if (next) editor.select(next.id);
    }
  };
  const pick = (id: ItemId) => editor.select(id);
  return (
    <div className="pe-outline">
      <p className="muted" id="pe-outline-hint">{t('planEditor.outlineHint')}</p>
      <ul role="listbox" tabIndex={0} aria-label={t('planEditor.outline')} aria-describedby="pe-outline-hint"
        aria-activedescendant={editor.selected ? `pe-${editor.selected}` : undefined} onKeyDown={onKey}>
        {groups(editor.doc).map((g) => (
          <li key={g.key} role="presentation">
            <div className="pe-group" role="presentation">
              <span className="pe-kind">{t(`planEditor.kind.${g.kind}`)}</span> {g.label ?? t('planEditor.noSection')}
            </div>
            <ul role="group" aria-label={g.label ?? t('planEditor.noSection')}>
              {g.items.map((it) => (
                <li key={it.id} id={`pe-${it.id}`} role="option" aria-selected={it.id === editor.selected}
                  className={it.id === editor.selected ? 'pe-row pe-selected' : 'pe-row'} onClick={() => pick(it.id)}>
                  <span className="pe-no">{it.no}</span>
                  <span className="pe-text">{it.content}</span>
                  <span className="pe-due">{it.due}</span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
