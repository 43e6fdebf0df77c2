// Receipts back to the units (with the officer's review) and the consolidated package upward.
import { useCallback, useMemo, useState } from 'react';
import type { BoardRow } from '../../../shared/consolidation';
import type { UnitId } from '../../../shared/model/ids';
import { sanitizeForDisplay } from '../../../shared/packages';
import { useDb } from '../../db/context';
import { useT } from '../../i18n';
import { exportConsolidated, exportReceipt, platformDeps, retrySave, type ExportResult, type PendingSave } from './exportPackages';
import { receivedRepo } from './receivedRepo';
import { ReturnForm, type Comment } from './ReviewForm';
import { acceptedRowOf, followUpOf, ReviewFollowUp } from './ReviewFollowUp';
import type { ConsolidationView } from './useConsolidation';
import { FindInList, useFoundRows } from '../../components/FindInList';
import { PrintButton } from '../report/PrintButton';
import { consolidatedReportDocument } from '../report/reportDocuments';

export function ReceiptsPanel({ view, self }: { view: ConsolidationView; self: UnitId }) {
  const t = useT();
  const db = useDb();
  const [message, setMessage] = useState<string | null>(null);
  const [returning, setReturning] = useState<string | null>(null);
  // A package signed but not saved (full disk, write error), with what to say once it is saved.
  const [pending, setPending] = useState<{ save: PendingSave; ok: (r: Extract<ExportResult, { ok: true }>) => string } | null>(null);
  const say = (r: ExportResult, ok: (r: Extract<ExportResult, { ok: true }>) => string) => {
    setPending(!r.ok && r.reason === 'save-failed' ? { save: r.pending, ok } : null);
    if (r.ok) return setMessage(ok(r));
    switch (r.reason) {
      case 'no-key': return setMessage(t('cons.receipts.noKey'));
      case 'nothing': return setMessage(t('cons.upward.nothing'));
      case 'cancelled': return setMessage(t('export.cancelled'));
      case 'save-failed': return setMessage(t(r.diskFull ? 'export.diskFull' : 'export.writeFailed', { file: r.pending.fileName, sequence: r.pending.sequence }));
      default: return setMessage(t('cons.receipts.signFailed', { error: r.error ?? r.reason }));
    }
  };
  const retry = async () => { if (pending) say(await retrySave(pending.save, platformDeps), pending.ok); };
  const review = async (unitId: string, state: 'approved' | 'returned', comments: Comment[] = []) => {
    const row = acceptedRowOf(view, unitId);
    if (row?.id !== undefined) await receivedRepo.setReview(db, row.id, { state, comments, at: new Date().toISOString() });
    setReturning(null);
  };
  const receipt = async (unitId: string | null) => say(await exportReceipt(db, view, self, unitId, platformDeps), (r) => t('cons.receipts.saved', { file: r.fileName }));
  const upward = async () => say(await exportConsolidated(db, view, self, platformDeps), (r) => t('cons.upward.saved', { file: r.fileName, sequence: r.sequence, children: r.children }));

  const submitted = useMemo(() => view.result.board.filter((r) => r.state !== 'missing'), [view.result.board]);
  const found = useFoundRows(submitted, useCallback((b: BoardRow) => view.name(b.unitId), [view]));
  return (
    <section>
      {message && <p role={pending ? 'alert' : 'status'} className="summary">{message}</p>}
      {pending && <p><button type="button" className="primary" onClick={() => void retry()}>{t('export.retry')}</button></p>}
      <section aria-labelledby="upward-title" className="card wide">
        <h2 id="upward-title">{t('cons.upward.title')}</h2>
        <p className="muted">{t('cons.upward.intro')}</p>
        <button type="button" className="primary" onClick={() => void upward()}>{t('cons.upward.export')}</button>{' '}
        <PrintButton kind="consolidated" build={() => consolidatedReportDocument(db, view)} />
      </section>
      <section aria-labelledby="receipts-title">
        <h2 id="receipts-title">{t('cons.receipts.title')}</h2>
        <p className="muted">{t('cons.receipts.intro')}</p>
        <button type="button" onClick={() => void receipt(null)}>{t('cons.receipts.exportAll')}</button>
        <FindInList id="receipts-find" found={found} />
        <table className="grid" aria-label={t('cons.receipts.title')}>
          <thead><tr><th scope="col">{t('cons.receipts.unit')}</th><th scope="col">{t('cons.board.col.sequence')}</th><th scope="col">{t('cons.board.col.review')}</th><th scope="col"><span className="visually-hidden">{t('cons.receipts.exportAll')}</span></th></tr></thead>
          <tbody>
            {found.shown.map((b) => {
              const unit = sanitizeForDisplay(view.name(b.unitId));
              const row = acceptedRowOf(view, b.unitId);
              return (
                <tr key={b.unitId}>
                  <th scope="row">{unit}</th>
                  <td className="num">{b.sequence ?? '—'}</td>
                  <td>
                    {row?.review ? `${t(`cons.receipts.review.${row.review.state}`)}${row.review.comments.length ? ` (${t('cons.receipts.comments', { count: row.review.comments.length })})` : ''}` : t('cons.receipts.review.none')}
                    {followUpOf(view, b.unitId) && <ReviewFollowUp view={view} unitId={b.unitId} unit={unit} />}
                  </td>
                  <td><div className="actions-cell">
                    {row && <button type="button" onClick={() => void review(b.unitId, 'approved')}>{t('cons.receipts.approve', { unit })}</button>}
                    {row && <button type="button" onClick={() => setReturning(returning === b.unitId ? null : b.unitId)}>{t('cons.receipts.return', { unit })}</button>}
                    <button type="button" onClick={() => void receipt(b.unitId)}>{t('cons.receipts.exportOne', { unit })}</button>
                    {returning === b.unitId && row && <ReturnForm view={view} unit={unit} fileHash={row.bytesHash} onReturn={(c) => void review(b.unitId, 'returned', c)} />}
                  </div></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </section>
  );
}
