import { useMemo, useState } from 'react';
import type { ItemId } from '../../../shared/model/ids';
import { formatDateVi } from '../../../shared/format/vi';
import { NARRATIVE_ITEM, nextSequence } from '../../../shared/progress';
import { useDb } from '../../db/context';
import { useT, type MessageKey } from '../../i18n';
import { useUi } from '../../state';
import { platform } from '../../platform';
import { autosaverFor } from './autosave';
import { progressRepo } from './progressRepo';
import { exportReport, localStorageWitness, retryExport, type ExportOutcome, type PendingExport } from './exportReport';
import { platformSigner } from '../../platform/signer';
import { FIELD_KEY, PROBLEM_KEY } from './labels';
import { ReportPreview } from './ReportPreview';
import type { ReportModel } from './useReport';
import { PrintButton } from '../report/PrintButton';
import { unitReportDocument } from '../report/reportDocuments';
import { useDirectory } from '../units/unitsRepo';

const FAILED: Record<Exclude<ExportOutcome, { ok: true }>['reason'], MessageKey> = {
  incomplete: 'progress.export.failed.incomplete', 'no-key': 'progress.export.failed.no-key', 'sign-failed': 'progress.export.failed.sign-failed',
  cancelled: 'progress.export.failed.cancelled', 'save-failed': 'progress.export.failed.save-failed',
};

export function ExportPanel({ model, periodLabel }: { model: ReportModel; periodLabel: string }) {
  const t = useT();
  const db = useDb();
  const focus = useUi((s) => s.focusProgressField);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  /** A signed package whose save failed: a retry saves these very bytes under the same number. */
  const [pending, setPending] = useState<PendingExport | null>(null);
  const [preview, setPreview] = useState(false);
  const directory = useDirectory();
  const byId = useMemo(() => new Map(model.assigned.map((a) => [a.item.id as string, a.item])), [model.assigned]);
  const no = (id: ItemId) => (id === NARRATIVE_ITEM ? t('progress.list.narrative') : byId.get(id)?.no ?? id);
  const blockers = model.problems.filter((p) => p.severity === 'blocker');
  const warnings = model.problems.filter((p) => p.severity === 'warning');
  const unconfirmed = blockers.filter((p) => p.kind === 'unconfirmed').map((p) => p.itemId);
  // Nothing changed since the last export: a new number would only repeat it (re-export a kept package below).
  const unchanged = model.state.kind === 'exported';
  const expected = nextSequence({ stored: model.report?.last ?? null, exported: model.exported.map((e) => e.sequence), witnesses: [localStorageWitness.read(model.key)] });

  const save = (suggestedName: string, bytes: Uint8Array) => platform.saveFile({ suggestedName, bytes });
  const run = async () => {
    setBusy(true);
    setMessage(null);
    try {
      await autosaverFor(db).flush();
      const out = pending ? await retryExport(db, pending, save) : await exportReport(db, {
        key: model.key, planRevision: model.doc.plan.revision, items: model.assigned.map((a) => a.item),
        unitLabel: model.key.unitId, planLabel: model.key.planId,
      }, { signer: () => platformSigner(model.key.unitId), witness: localStorageWitness, save });
      show(out);
    } finally { setBusy(false); }
  };
  const show = (out: ExportOutcome) => {
    setPending(!out.ok && out.reason === 'save-failed' ? out.pending : null);
    if (out.ok) setMessage({ ok: true, text: t('progress.export.done', { sequence: out.sequence, file: out.fileName }) });
    else if (out.reason === 'save-failed') setMessage({ ok: false, text: t(out.diskFull ? 'progress.export.failed.disk-full' : 'progress.export.failed.save-failed') });
    else setMessage({ ok: false, text: t(FAILED[out.reason]) });
  };

  const saveAgain = async (i: number) => {
    const rec = model.exported[i];
    if (!rec) return;
    const r = await platform.saveFile({ suggestedName: rec.fileName, bytes: rec.bytes });
    setMessage(r.ok ? { ok: true, text: t('progress.export.savedAgain', { file: r.fileName }) } : { ok: false, text: t(FAILED[r.reason === 'cancelled' ? 'cancelled' : 'save-failed']) });
  };

  if (preview) return <ReportPreview model={model} periodLabel={periodLabel} sequence={expected} onClose={() => setPreview(false)} />;

  return (
    <div className="export">
      <section className="card" aria-labelledby="export-check">
        <h2 id="export-check">{t('progress.export.check')}</h2>
        {blockers.length === 0 ? <p className="ok-text">{t('progress.export.ready')}</p> : <p className="error">{t('progress.export.blockers', { count: blockers.length })}</p>}
        {blockers.length > 0 && (
          <ul className="problems">
            {blockers.map((p, i) => (
              <li key={i}><button type="button" className="link" onClick={() => focus(p.itemId, p.field ?? 'status')}>
                <span className="item-no">{no(p.itemId)}</span> {t(PROBLEM_KEY[p.kind])} — {byId.get(p.itemId)?.content.slice(0, 90)}
              </button></li>
            ))}
          </ul>
        )}
        {unconfirmed.length > 0 && (
          <button type="button" onClick={() => void Promise.all([
            progressRepo.confirm(db, model.key, unconfirmed.filter((id) => id !== NARRATIVE_ITEM)),
            unconfirmed.includes(NARRATIVE_ITEM) ? progressRepo.confirmNarrative(db, model.key) : null,
          ])}>{t('progress.export.confirmAll', { count: unconfirmed.length })}</button>
        )}
        {warnings.length > 0 && <p className="warning">{t('progress.export.warnings', { count: warnings.length })}</p>}
        {warnings.length > 0 && (
          <ul className="problems">
            {warnings.map((p, i) => (
              <li key={i}><button type="button" className="link" onClick={() => focus(p.itemId, p.field ?? 'status')}>
                <span className="item-no">{no(p.itemId)}</span> {t(PROBLEM_KEY[p.kind])}
              </button></li>
            ))}
          </ul>
        )}
        <div className="actions left">
          <button type="button" className="primary" disabled={busy || blockers.length > 0 || unchanged} onClick={() => void run()}
            aria-describedby={unchanged ? 'export-unchanged' : undefined}>
            {busy ? t('progress.export.working') : pending ? t('progress.export.retry', { sequence: pending.sequence }) : t('progress.export.button')}
          </button>
          <button type="button" onClick={() => setPreview(true)}>{t('progress.export.preview')}</button>
          {directory && <PrintButton kind="unit" build={() => unitReportDocument({ doc: model.doc, unitId: model.key.unitId, period: model.key.period, payload: model.payload, directory })} />}
        </div>
        {unchanged && <p id="export-unchanged" className="muted">{t('progress.export.noChanges')} {t('progress.export.unchangedHint')}</p>}
        <p role="status" className={message?.ok ? 'ok-text' : 'error'}>{message?.text ?? ''}</p>
      </section>
      <section className="card" aria-labelledby="export-changes">
        <h2 id="export-changes">{model.lastExport ? t('progress.export.changes', { sequence: model.lastExport.sequence }) : t('progress.export.firstTime')}</h2>
        {model.lastExport && model.changes.length === 0 && !unchanged && <p className="muted">{t('progress.export.noChanges')}</p>}
        <ul className="changes">
          {model.changes.map((c, i) => (
            <li key={i}>{c.kind === 'narrative' ? t('progress.export.change.narrative')
              : c.kind === 'answers' ? t('progress.export.change.answers', { no: no(c.itemId) })
              : c.kind === 'changed' ? t('progress.export.change.changed', { no: no(c.itemId), fields: c.fields.map((f) => t(FIELD_KEY[f])).join(', ') })
                : t(c.kind === 'added' ? 'progress.export.change.added' : 'progress.export.change.removed', { no: no(c.itemId) })}</li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="export-history">
        <h2 id="export-history">{t('progress.export.history')}</h2>
        {model.exported.length === 0 && <p className="muted">{t('progress.export.historyNone')}</p>}
        <ul className="history">
          {model.exported.map((e, i) => (
            <li key={e.id ?? i}>
              <span>#{e.sequence} · {formatDateVi(e.exportedAt.slice(0, 10))} {e.exportedAt.slice(11, 16)} · <code>{e.fileName}</code></span>{' '}
              <button type="button" onClick={() => void saveAgain(i)}>{t('progress.export.again', { sequence: e.sequence })}</button>
            </li>
          )).reverse()}
        </ul>
      </section>
    </div>
  );
}
