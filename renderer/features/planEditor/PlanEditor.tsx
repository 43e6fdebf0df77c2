import './planEditor.css';
import { useState } from 'react';
import type { PlanDocument } from '../../../shared/model/plan';
import { useDb } from '../../db/context';
import { useT } from '../../i18n';
import { CalendarForm } from './CalendarForm';
import { editRepo } from './editRepo';
import { ItemForm } from './ItemForm';
import { ItemOutline } from './ItemOutline';
import { SectionsPanel } from './SectionsPanel';
import { useEditor } from './useEditor';

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; text: string } | { kind: 'error'; text: string };

/**
 * The issuer's plan editor, in place of the plan browser: rows on the left, the selected row's
 * cells and actions, sections and the reporting calendar on the right. Nothing is written until
 * "Lưu": then the edited plan becomes a local revision (entries kept), audited with its operations.
 */
export function PlanEditor({ doc, onClose }: { doc: PlanDocument; onClose: () => void }) {
  const t = useT();
  const db = useDb();
  const editor = useEditor(doc);
  const [base, setBase] = useState(doc);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const save = async () => {
    setStatus({ kind: 'saving' });
    try {
      const r = await editRepo.save(db, base, editor.doc, editor.ops);
      const saved = { ...editor.doc, plan: { ...editor.doc.plan, revision: r.revision } };
      setBase(saved);
      editor.reset(saved);
      setStatus({ kind: 'saved', text: t('planEditor.saved', { revision: r.revision, added: r.added, changed: r.changed, moved: r.moved }) });
    } catch (e) {
      setStatus({ kind: 'error', text: t('planEditor.saveFailed', { detail: e instanceof Error ? e.message : String(e) }) });
    }
  };
  const pending = editor.ops.length;
  return (
    <section className="page plan-editor" aria-labelledby="pe-title">
      <header className="pi-head">
        <h1 id="pe-title">{t('planEditor.title')}</h1>
        <span className="muted pe-plan">{doc.plan.title}</span>
        <span className="pe-pending" role="status">{pending > 0 ? t('planEditor.pending', { count: pending }) : t('planEditor.noChanges')}</span>
        <div className="pe-head-buttons">
          <button type="button" onClick={onClose}>{t('planEditor.close')}</button>
          <button type="button" className="primary" onClick={() => void save()} disabled={pending === 0 || status.kind === 'saving'}>
            {status.kind === 'saving' ? t('planEditor.saving') : t('planEditor.save')}
          </button>
        </div>
      </header>
      {editor.error && <p role="alert" className="error">{editor.error}</p>}
      {status.kind === 'saved' && <p role="status" className="ok-text">{status.text}</p>}
      {status.kind === 'error' && <p role="alert" className="error">{status.text}</p>}
      <div className="pe-body">
        <ItemOutline editor={editor} />
        <div className="pe-side">
          <ItemForm editor={editor} />
          <SectionsPanel editor={editor} />
          <CalendarForm editor={editor} />
        </div>
      </div>
    </section>
  );
}
