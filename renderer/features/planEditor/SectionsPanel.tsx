import { useState } from 'react';
import type { SectionId } from '../../../shared/model/ids';
import type { SectionKind } from '../../../shared/model/plan';
import { useT } from '../../i18n';
import type { Editor } from './useEditor';

const KINDS: SectionKind[] = ['tasks', 'indicators', 'projects'];

/** Add a section to a table, or rename one (number and title). */
export function SectionsPanel({ editor }: { editor: Editor }) {
  const t = useT();
  const [kind, setKind] = useState<SectionKind>('tasks');
  const [code, setCode] = useState('');
  const [title, setTitle] = useState('');
  const current = editor.doc.sections.find((s) => s.id === editor.section) ?? null;
  const [rename, setRename] = useState<{ code: string; title: string } | null>(null);
  const pick = (id: string) => {
    editor.selectSection(id ? (id as SectionId) : null);
    const s = editor.doc.sections.find((x) => x.id === id);
    setRename(s ? { code: s.code, title: s.title } : null);
  };
  const add = () => { if (editor.apply({ op: 'add-section', kind, code, title })) { setCode(''); setTitle(''); } };
  return (
    <section className="pi-card" aria-labelledby="pe-sections-title">
      <h2 id="pe-sections-title">{t('planEditor.sections')}</h2>
      <div className="pe-row-form">
        <label className="pi-field"><span>{t('planEditor.section')}</span>
          <select value={current?.id ?? ''} onChange={(e) => pick(e.target.value)}>
            <option value="">—</option>
            {editor.doc.sections.map((s) => <option key={s.id} value={s.id}>{t(`planEditor.kind.${s.kind}`)} · {s.code}. {s.title}</option>)}
          </select>
        </label>
        {current && rename && <>
          <label className="pi-field pe-code"><span>{t('planEditor.sectionCode')}</span>
            <input value={rename.code} onChange={(e) => setRename({ ...rename, code: e.target.value })} /></label>
          <label className="pi-field"><span>{t('planEditor.sectionTitle')}</span>
            <input value={rename.title} onChange={(e) => setRename({ ...rename, title: e.target.value })} /></label>
          <button type="button" onClick={() => editor.apply({ op: 'rename-section', sectionId: current.id, ...rename })}>{t('planEditor.renameSection')}</button>
        </>}
      </div>
      <div className="pe-row-form">
        <label className="pi-field"><span>{t('planEditor.sectionKind')}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as SectionKind)}>
            {KINDS.map((k) => <option key={k} value={k}>{t(`planEditor.kind.${k}`)}</option>)}
          </select>
        </label>
        <label className="pi-field pe-code"><span>{t('planEditor.sectionCode')}</span>
          <input value={code} onChange={(e) => setCode(e.target.value)} /></label>
        <label className="pi-field"><span>{t('planEditor.sectionTitle')}</span>
          <input value={title} onChange={(e) => setTitle(e.target.value)} /></label>
        <button type="button" onClick={add} disabled={title.trim() === ''}>{t('planEditor.addSection')}</button>
      </div>
    </section>
  );
}
