import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ItemId } from '../../../shared/model/ids';
import { formatDateVi } from '../../../shared/format/vi';
import { formatFingerprint } from '../../../shared/crypto/hash';
import { reasonMessage, sanitizeForDisplay } from '../../../shared/packages';
import { isAnswered, NARRATIVE_ITEM } from '../../../shared/progress';
import { receiptLines, type ReceiptLine } from '../../../shared/receipts/forUnit';
import { useDb } from '../../db/context';
import { useT } from '../../i18n';
import { platform } from '../../platform';
import { useUi } from '../../state';
import { useDirectory } from '../units/unitsRepo';
import { receiptRepo } from './receiptRepo';
import type { ReportModel } from './useReport';

/** The lines of the stored receipt for this unit's latest export in the current plan and period. */
export function useReceiptLines(model: ReportModel): { lines: ReceiptLine[]; consolidating: string | null; untrustedKey: string | null } {
  const db = useDb();
  const { planId, period } = model.key;
  const stored = useLiveQuery(() => receiptRepo.get(db, planId, period), [db, planId, period]);
  return useMemo(() => ({
    lines: stored ? receiptLines(stored.received, model.key.unitId, model.exported) : [],
    consolidating: stored?.consolidating ?? null,
    untrustedKey: stored && stored.senderTrusted === false ? stored.keyId ?? '' : null,
  }), [stored, model.key.unitId, model.exported]);
}

/** The answer field of the j-th comment: `answer.<n>`, n counting the comments on the same item. */
const answerField = (comments: readonly { itemId: ItemId }[], j: number) =>
  `answer.${comments.slice(0, j).filter((c) => c.itemId === comments[j]?.itemId).length}`;

export function ReceiptCard({ model }: { model: ReportModel }) {
  const t = useT();
  const db = useDb();
  const lang = useUi((s) => s.lang);
  const focus = useUi((s) => s.focusProgressField);
  const directory = useDirectory();
  const { lines, consolidating, untrustedKey } = useReceiptLines(model);
  // The comments still open (the latest review returned a package), shown also once a newer package went out with the answers.
  const open = model.comments;
  const first = open[0];
  const answered = open.filter((c) => isAnswered(model.rowsById.get(c.itemId)?.draft, c)).length;
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const nameOf = (id: string) => directory?.units.get(id)?.name ?? id;
  const byId = useMemo(() => new Map(model.assigned.map((a) => [a.item.id as string, a.item])), [model.assigned]);
  const no = (id: ItemId) => (id === NARRATIVE_ITEM ? t('progress.list.narrative') : byId.get(id)?.no ?? id);

  const importFile = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const picked = await platform.openFiles({ accept: ['json'], multiple: false });
      if (!picked.ok) { if (picked.reason !== 'cancelled') setMessage({ ok: false, text: t('progress.home.receipt.openFailed') }); return; }
      const file = picked.files[0];
      if (!file) return;
      const r = await receiptRepo.import(db, model.key.unitId, file, lang);
      if (r.ok) setMessage({ ok: true, text: r.stored === 0 ? t('progress.home.receipt.older') : t('progress.home.receipt.imported', { unit: nameOf(r.consolidating) }) });
      else if (r.problem === 'rejected') setMessage({ ok: false, text: t('progress.home.receipt.rejected', { reason: r.detail }) });
      else setMessage({ ok: false, text: t(r.problem === 'not-a-receipt' ? 'progress.home.receipt.notReceipt' : 'progress.home.receipt.notOurs') });
    } catch (e) {
      setMessage({ ok: false, text: t('progress.home.receipt.rejected', { reason: e instanceof Error ? e.message : String(e) }) });
    } finally { setBusy(false); }
  };

  const unit = consolidating ? nameOf(consolidating) : '';
  return (
    <section className="card receipt" aria-labelledby="home-receipt">
      <h2 id="home-receipt">{t('progress.home.receipt.title')}</h2>
      {lines.length === 0 && <p className="muted">{t('progress.home.receipt.none')}</p>}
      {untrustedKey !== null && lines.length > 0 && <p className="warning" role="note">{t('progress.home.receipt.untrusted', { fingerprint: formatFingerprint(untrustedKey) })}</p>}
      <ul className="receipt-lines">
        {lines.map((l, i) => (
          <li key={i} className={l.kind === 'refused' || l.kind === 'returned' ? 'warning' : l.kind === 'not-yet' ? 'muted' : 'ok-text'}>
            {l.kind === 'accepted' && t('progress.home.receipt.accepted', { unit, date: formatDateVi(l.receivedAt.slice(0, 10)) })}
            {l.kind === 'refused' && t('progress.home.receipt.refused', { reason: reasonMessage(l.reason, lang) })}
            {l.kind === 'approved' && t('progress.home.receipt.approved')}
            {l.kind === 'not-yet' && t('progress.home.receipt.notYet', { unit, answered: l.answered, sequence: l.sequence })}
            {l.kind === 'returned' && t('progress.home.receipt.returned')}
          </li>
        ))}
      </ul>
      {first && (
        <div className="receipt-open">
          <p className={answered === open.length ? 'ok-text' : 'warning'}>
            {t('progress.home.receipt.openComments', { sequence: first.returnedSequence })} · {t('progress.home.receipt.answered', { answered, total: open.length })}
          </p>
          <ul className="receipt-comments">
            {open.map((c, j) => (
              <li key={j}>
                <button type="button" className="link" onClick={() => focus(c.itemId, answerField(open, j))}>
                  {t('progress.home.receipt.comment', { no: no(c.itemId), text: sanitizeForDisplay(c.text) })}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <button type="button" disabled={busy} onClick={() => void importFile()}>{t('progress.home.receipt.import')}</button>
      <p role="status" className={message?.ok ? 'ok-text' : 'error'}>{message?.text ?? ''}</p>
    </section>
  );
}
