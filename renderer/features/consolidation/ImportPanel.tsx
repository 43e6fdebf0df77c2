// Receive packages: pick files or drop them, verification in the worker with progress and
// cancel, and one line per file with its outcome.
import { useMemo, useRef, useState } from 'react';
import type { PlanDocument } from '../../../shared/model/plan';
import { reportingPeriods } from '../../../shared/periods/calendar';
import type { PlanScope } from '../../workers/protocol';
import type { Batch } from '../../workers/verifyClient';
import { useDb } from '../../db/context';
import { useT } from '../../i18n';
import { platform } from '../../platform';
import { useUi } from '../../state';
import { batchedEvents, startImport } from './importer';
import { ImportTable, type StateOf } from './ImportTable';
import { isFine } from './outcomeText';
import { verifyBatch } from './verifyBatch';
import { readDropped, takeDropped, type DroppedEntry } from './dropped';
import { useRotationMarks } from '../keys/unprovenRotations';
import { formatNumberVi } from '../../../shared/format/vi';

export const scopeOf = (doc: PlanDocument): PlanScope => ({ id: doc.plan.id, periods: reportingPeriods(doc.plan).flatMap((k) => k.periods) });

export function ImportPanel({ doc, name, stateOf }: { doc: PlanDocument; name: (id: string) => string; stateOf: StateOf }) {
  const t = useT();
  const db = useDb();
  const progress = useUi((s) => s.importProgress);
  const lines = useUi((s) => s.importLines);
  const { beginImport, addImportLine, replaceImportLine, setImportProgress } = useUi.getState();
  const batch = useRef<Batch | null>(null);
  // A stop asked before the batch has started (backup and reading what was received come first) still stops it.
  const stop = useRef(false);
  const [over, setOver] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const run = async (files: { name: string; bytes: Uint8Array }[]) => {
    setNotice(files.length === 0 ? t('cons.import.noFiles') : null);
    if (files.length === 0 || progress.running) return;
    beginImport(files.length);
    stop.current = false;
    // One redraw per quarter second, not one per file (3,321 files: docs/benchmarks.md).
    const events = batchedEvents({
      onProgress: (done, total, current) => setImportProgress({ done, total, current }),
      onLine: addImportLine,
      onRecheck: replaceImportLine,
    });
    try {
      const b = await startImport(db, files, scopeOf(doc), verifyBatch, events);
      batch.current = b;
      if (stop.current) b.cancel();
      const end = await b.done;
      events.flush();
      setImportProgress(end.ok ? { running: false, current: null, end: end.cancelled ? 'cancelled' : 'finished' } : { running: false, current: null, end: 'failed', message: end.message });
    } catch (e) {
      events.flush();
      setImportProgress({ running: false, end: 'failed', message: e instanceof Error ? e.message : String(e) });
    } finally {
      batch.current = null;
    }
  };

  const pick = async (folder: boolean) => {
    const r = await platform.openFiles({ accept: ['json'], multiple: true, folder });
    if (r.ok) await run(r.files);
    else if (r.reason !== 'cancelled') setImportProgress({ end: 'failed', message: r.reason === 'too-large' ? t('cons.import.tooMany') : r.reason });
  };
  const drop = async (dropped: DroppedEntry[]) => {
    const files = await readDropped(dropped).catch(() => null);
    if (files === 'too-large') setImportProgress({ end: 'failed', message: t('cons.import.tooMany') });
    else if (files) await run(files);
  };

  // Rotations verified but not applied: awaiting the new key's fingerprint check (to do), or refused
  // by the officer (settled: neither accepted nor to do).
  const rotations = useRotationMarks(lines);
  const { held, ok, attention } = useMemo(() => {
    const states = lines.map((l) => ({ s: stateOf(l), mark: rotations.get(l.bytesHash) }));
    return {
      held: states.filter(({ s }) => s === 'unknown-key').length,
      ok: states.filter(({ s, mark }) => (s === 'ok' && !mark) || s === 'supersedes').length,
      attention: states.filter(({ s, mark }) => !isFine(s) || mark === 'awaiting').length,
    };
  }, [lines, stateOf, rotations]);
  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">{t('cons.import.title')}</h2>
      <div className={`dropzone${over ? ' over' : ''}`} aria-label={t('cons.import.drop')} role="region"
        onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)}
        onDrop={(e) => { e.preventDefault(); setOver(false); void drop(takeDropped(e.dataTransfer)); }}>
        <p className="muted">{t('cons.import.intro')}</p>
        <div className="row">
          <button type="button" className="primary" onClick={() => void pick(false)} disabled={progress.running}>{t('cons.import.pick')}</button>
          <button type="button" onClick={() => void pick(true)} disabled={progress.running}>{t('cons.import.pickFolder')}</button>
          <span className="muted">{t('cons.import.drop')}</span>
        </div>
      </div>
      {notice && <p className="warning" role="status">{notice}</p>}
      {(progress.running || progress.end) && (
        <div className="import-progress">
          <progress aria-label={t('cons.import.progress')} max={Math.max(progress.total, 1)} value={progress.done} />
          <span role="status">
            {t('cons.import.progressText', { done: formatNumberVi(progress.done), total: formatNumberVi(progress.total) })}
            {progress.current && ` · ${t('cons.import.current', { name: progress.current })}`}
          </span>
          {progress.running && <button type="button" onClick={() => { stop.current = true; batch.current?.cancel(); }}>{t('cons.import.cancel')}</button>}
        </div>
      )}
      {progress.end === 'finished' && <p className="summary" role="status">{t('cons.import.finished', { total: formatNumberVi(progress.total), ok: formatNumberVi(ok), held: formatNumberVi(attention) })}</p>}
      {progress.end === 'cancelled' && <p className="warning" role="status">{t('cons.import.cancelled', { done: formatNumberVi(progress.done), total: formatNumberVi(progress.total) })}</p>}
      {progress.end === 'failed' && <p className="error" role="alert">{t('cons.import.failed', { message: progress.message ?? '' })}</p>}
      {held > 0 && <p className="warning">{t('cons.import.heldKeys', { count: held })}</p>}
      <ImportTable lines={lines} name={name} stateOf={stateOf} />
    </section>
  );
}
