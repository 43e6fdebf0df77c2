// Returning a report for revision: one comment per item concerned, on the items the report carries
// (the unit answers beside each of them; an item it does not report it could not open).
import { useMemo, useState } from 'react';
import type { ItemId } from '../../../shared/model/ids';
import { parseStrictJson } from '../../../shared/packages';
import { readReportPayload } from '../../../shared/progress/payload';
import { useT } from '../../i18n';
import { refOf } from '../../../shared/receipts';
import { useWholeRows } from './receivedRepo';
import type { ConsolidationView } from './useConsolidation';
import { itemLabel } from './MergedPanel';

export type Comment = { itemId: ItemId; text: string };

/** The item ids of a report package's entries, or null when the bytes are not a report (then every plan item is offered). */
function reportedItems(bytes: Uint8Array): ReadonlySet<string> | null {
  const parsed = parseStrictJson(bytes);
  const payload = parsed.ok ? readReportPayload(parsed.value) : null;
  return payload ? new Set(payload.entries.map((e) => e.itemId as string)) : null;
}

type Props = { view: ConsolidationView; unit: string; onReturn: (comments: Comment[]) => void };

/** The form for returning the report in `fileHash` (its items read from the kept file first). */
export function ReturnForm({ fileHash, ...props }: Props & { fileHash: string }) {
  const t = useT();
  const whole = useWholeRows([refOf(fileHash)]);
  const items = useMemo(() => {
    const row = whole?.get(fileHash);
    return row ? reportedItems(row.bytes) : null;
  }, [whole, fileHash]);
  if (!whole) return <p role="status">{t('cons.loading')}</p>;
  return <ReviewForm {...props} items={items} />;
}

function ReviewForm({ view, unit, items, onReturn }: Props & { items: ReadonlySet<string> | null }) {
  const t = useT();
  const offered = useMemo(() => view.doc.items.filter((i) => !items || items.has(i.id)), [view.doc.items, items]);
  const byId = useMemo(() => new Map(view.doc.items.map((i) => [i.id as string, i])), [view.doc.items]);
  const [itemId, setItemId] = useState<string>(offered[0]?.id ?? '');
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
          {offered.map((i) => <option key={i.id} value={i.id}>{`${itemLabel(view, i)} ${i.content.slice(0, 60)}`}</option>)}
        </select>
      <label htmlFor={`review-text-${unit}`}>{t('cons.receipts.comment')}</label>
      <input id={`review-text-${unit}`} type="text" value={text} onChange={(e) => setText(e.target.value)} />
      <button type="button" onClick={add}>{t('cons.receipts.addComment')}</button>
      {comments.length > 0 && <ul>{comments.map((c, i) => {
        const item = byId.get(c.itemId);
        return <li key={i}>{item ? itemLabel(view, item) : c.itemId}: {c.text}</li>;
      })}</ul>}
      <button type="button" disabled={comments.length === 0} onClick={() => onReturn(comments)}>{t('cons.receipts.return', { unit })}</button>
    </div>
  );
}
