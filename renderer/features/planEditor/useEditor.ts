// The editor's working copy: the document as edited so far and the operations that made it, so a
// save can install the one and audit the other. Every change goes through shared/plans/edit.
import { useCallback, useState } from 'react';
import type { ItemId, SectionId } from '../../../shared/model/ids';
import type { PlanDocument } from '../../../shared/model/plan';
import { applyEdit, type EditOp } from '../../../shared/plans/edit';

export type Editor = {
  doc: PlanDocument;
  ops: EditOp[];
  selected: ItemId | null;
  section: SectionId | null;
  error: string | null;
  select: (id: ItemId | null) => void;
  selectSection: (id: SectionId | null) => void;
  apply: (op: EditOp) => boolean;
  reset: (doc: PlanDocument) => void;
};

export function useEditor(initial: PlanDocument): Editor {
  const [state, setState] = useState({ doc: initial, ops: [] as EditOp[], error: null as string | null });
  const [selected, select] = useState<ItemId | null>(initial.items[0]?.id ?? null);
  const [section, selectSection] = useState<SectionId | null>(null);
  const apply = useCallback((op: EditOp): boolean => {
    const r = applyEdit(state.doc, op);
    if (!r.ok) { setState((s) => ({ ...s, error: r.error })); return false; }
    setState((s) => ({ doc: r.doc, ops: [...s.ops, op], error: null }));
    if (r.newId && (op.op === 'add-item' || op.op === 'split')) select(r.newId as ItemId);
    if (r.newId && op.op === 'add-section') selectSection(r.newId as SectionId);
    return true;
  }, [state.doc]);
  const reset = useCallback((doc: PlanDocument) => setState({ doc, ops: [], error: null }), []);
  return { ...state, selected, section, select, selectSection, apply, reset };
}
