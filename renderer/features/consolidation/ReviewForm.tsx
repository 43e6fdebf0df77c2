// Returning a report for revision: one comment per item concerned.
import { useState } from 'react';
import type { ItemId } from '../../../shared/model/ids';
import { useT } from '../../i18n';
import type { ConsolidationView } from './useConsolidation';
import { itemLabel } from './MergedPanel';

export type Comment = { itemId: ItemId; text: string };

export function ReviewForm({ view, unit, onReturn }: { view: ConsolidationView; unit: string; onReturn: (comments: Comment[]) => void }) {
  const t = useT();
  const [itemId, setItemId] = useState<string>(view.doc.items[0]?.id ?? '');
  const [text, setText] = useState('');
  const [comments, setComments] = useState<Comment[]>([]);
  const add = () => {
    if (!itemId || text.trim() === '') return;
    setComments((c) => [...c, { itemId: itemId as ItemId, text: text.trim() }]);
    setText('');
  };
  return (
    <div className="review-form">
      <label htmlFor={`review-item-${unit}`}>{t('cons.receipts.item')}</label>
        <select id={`review-item-${unit}`} value={itemId} onChange={(e) => setItemId(e.target.value)}>
          {view.doc.items.map((i) => <option key={i.id} value={i.id}>{`${itemLabel(view, i)} ${i.content.slice(0, 60)}`}</option>)}
        </select>
      <label htmlFor={`review-text-${unit}`}>{t('cons.receipts.comment')}</label>
      <input id={`review-text-${unit}`} type="text" value={text} onChange={(e) => setText(e.target.value)} />
      <button type="button" onClick={add}>{t('cons.receipts.addComment')}</button>
      {comments.length > 0 && <ul>{comments.map((c, i) => <li key={i}>{c.itemId}: {c.text}</li>)}</ul>}
      <button type="button" disabled={comments.length === 0} onClick={() => onReturn(comments)}>{t('cons.receipts.return', { unit })}</button>
    </div>
  );
}
