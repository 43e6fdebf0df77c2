import { useEffect, useRef, useState } from 'react';
import type { UnitId } from '../../../shared/model/ids';
import type { PlanDocument } from '../../../shared/model/plan';
import { countItems } from '../../../shared/plans/browse';
import type { PickedFile } from '../../../shared/platform/contract';
import { useDb } from '../../db/context';
import { useT } from '../../i18n';
import { platform } from '../../platform';
import { useUi } from '../../state';
import { plansRepo } from '../plans/plansRepo';
import { useDirectory } from '../units/unitsRepo';
import { ConfirmStep } from './ConfirmStep';
import { applyDetails, detailsOf, type Details } from './details';
import { DetailsForm } from './DetailsForm';
import { MappingPanel } from './MappingPanel';
import { asIssuedBy } from './planFacts';
import { ItemsPreview, WarningList } from './PreviewPanel';
import { UnitNamesPanel } from './UnitNamesPanel';
import { useParse, type ParseState } from './useParse';

type Step = 'preview' | 'details' | 'confirm';
const STEPS: readonly Step[] = ['preview', 'details', 'confirm'];

function ParseStatus({ state, onCancel }: { state: ParseState; onCancel: () => void }) {
  const t = useT();
  if (state.phase === 'parsing') {
    return <p role="status" className="pi-status">{t('planImport.parsing', { file: state.file })} <button type="button" onClick={onCancel}>{t('planImport.cancel')}</button></p>;
  }
  if (state.phase === 'failed') {
    const key = state.problem === 'timeout' ? 'planImport.timeout' : state.problem === 'cancelled' ? 'planImport.cancelled' : 'planImport.crashed';
    return <p role="alert" className="error">{t(key, { file: state.file, seconds: state.seconds, message: state.message })}</p>;
  }
  if (state.phase === 'rejected') return <p role="alert" className="error">{t('planImport.failed', { file: state.file, message: state.error.message })}</p>;
  return null;
}

/** Pick an .xlsx/.xls → preview and fix the column mapping → plan details → confirm. */
export function ImportWizard({ file, unitId }: { file: PickedFile | null; unitId: UnitId }) {
  const t = useT();
  const db = useDb();
  const directory = useDirectory();
  const close = useUi((s) => s.closePlanImport);
  const selectPlan = useUi((s) => s.selectPlan);
  const { state, read, remap, cancel } = useParse();
  const [step, setStep] = useState<Step>('preview');
  const [details, setDetails] = useState<Details | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [staged, setStaged] = useState<PlanDocument | null>(null);
  const [pickError, setPickError] = useState(false);
  const started = useRef(false);

  useEffect(() => {
    if (file && !started.current) { started.current = true; void read(file); }
  }, [file, read]);

  const ready = state.phase === 'ready' ? state : null;
  useEffect(() => {
    if (ready && !details) setDetails(detailsOf(ready.result.doc));
  }, [ready, details]);

  const pick = async () => {
    const picked = await platform.openFiles({ accept: ['xlsx'], multiple: false });
    setPickError(!picked.ok && picked.reason !== 'cancelled');
    const f = picked.ok ? picked.files[0] : undefined;
    if (f) { setDetails(null); setStep('preview'); void read(f); }
  };

  const toConfirm = async () => {
    if (!ready || !details || !directory) return;
    const installed = await plansRepo.document(db, details.id as PlanDocument['plan']['id']);
    const applied = applyDetails(ready.result.doc, details, installed ? installed.plan.revision + 1 : 1);
    if (!applied.ok) { setProblems(applied.problems); return; }
    setProblems([]);
    setStaged(asIssuedBy(applied.doc, unitId, directory));
    setStep('confirm');
  };

  const counts = ready ? countItems(ready.result.doc) : null;
  return (
    <section className="page plan-import" aria-labelledby="pi-title">
      <header className="pi-head">
        <h1 id="pi-title">{t('planImport.title')}</h1>
        <ol className="pi-steps" aria-label={t('planImport.steps')}>
          {STEPS.map((s) => <li key={s} aria-current={s === step ? 'step' : undefined}>{t(`planImport.step.${s}`)}</li>)}
        </ol>
        <button type="button" onClick={close}>{t('planImport.close')}</button>
      </header>

      {step === 'preview' && (
        <>
          <div className="pi-pick">
            <button type="button" onClick={() => void pick()} disabled={state.phase === 'parsing'}>{t('planImport.pick')}</button>
            {ready ? <span>{t('planImport.file', { file: ready.file })}</span> : <span className="muted">{t('planImport.pickHint')}</span>}
            {pickError && <span role="alert" className="error">{t('planImport.readFailed')}</span>}
          </div>
          <ParseStatus state={state} onCancel={cancel} />
          {ready && counts && (
            <>
              <p role="status" className="pi-counts">
                {ready.remapping ? t('planImport.remapping') : t('planImport.counts', {
                  sections: ready.result.doc.sections.length, tasks: counts.task, indicators: counts.indicator, projects: counts.project, warnings: ready.result.warnings.length,
                })}
              </p>
              <MappingPanel tables={ready.result.tables} busy={ready.remapping} onChange={(tables) => void remap(ready.file, ready.result, tables)} />
              <WarningList warnings={ready.result.warnings} />
              {directory && <UnitNamesPanel doc={ready.result.doc} directory={directory} />}
              <ItemsPreview doc={ready.result.doc} />
              <div className="pi-actions">
                <button type="button" className="primary" disabled={ready.remapping} onClick={() => setStep('details')}>{t('planImport.next')}</button>
              </div>
            </>
          )}
        </>
      )}

      {step === 'details' && details && (
        <>
          <DetailsForm value={details} onChange={setDetails} />
          {problems.length > 0 && <p role="alert" className="error">{t('planImport.detail.invalid', { detail: problems.join(', ') })}</p>}
          <div className="pi-actions">
            <button type="button" onClick={() => setStep('preview')}>{t('planImport.back')}</button>
            <button type="button" className="primary" onClick={() => void toConfirm()}>{t('planImport.next')}</button>
          </div>
        </>
      )}

      {step === 'confirm' && staged && (
        <ConfirmStep doc={staged} source="xlsx" onBack={() => setStep('details')}
          onDone={() => { selectPlan(staged.plan.id); close(); }} />
      )}
    </section>
  );
}
