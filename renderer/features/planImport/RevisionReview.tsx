import { useState } from 'react';
import type { PlanDocument } from '../../../shared/model/plan';
import { useDb } from '../../db/context';
import { useT } from '../../i18n';
import { useUi } from '../../state';
import { DiffView } from './DiffView';
import { planImportRepo } from './planImportRepo';
import { backupBefore } from '../backup/service';
import { unitsRepo } from '../units/unitsRepo';
import { useRevision } from './useRevision';
import type { SignedPlanFacts } from '../plans/importPlan';
import { PlanKeysOffer } from '../keys/PlanKeysOffer';

type Props = { doc: PlanDocument; source: 'package' | 'transcribed'; fileName: string; signed?: SignedPlanFacts | undefined };

/**
 * A unit receives a new revision of its plan: what is added, changed, removed, and what happens to
 * its progress. A signed plan package also offers its unit keys (the same prompt as a first install).
 */
export function RevisionReview({ doc, source, fileName, signed }: Props) {
  const t = useT();
  const db = useDb();
  const close = useUi((s) => s.closePlanImport);
  const selectPlan = useUi((s) => s.selectPlan);
  const check = useRevision(doc);
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'working' } | { kind: 'done'; text: string } | { kind: 'error'; text: string }>({ kind: 'idle' });
  const v = check?.verdict;

  const install = async () => {
    if (v?.kind !== 'update' && v?.kind !== 'new') return;
    setState({ kind: 'working' });
    try {
      await backupBefore(db, 'before-plan');
      await planImportRepo.installRevision(db, doc, source);
      if (signed) await unitsRepo.adoptPlanAliases(db, signed.units, doc.plan.id);
      selectPlan(doc.plan.id);
      const d = v.kind === 'update' ? v.diff : null;
      setState({ kind: 'done', text: t('revision.done', {
        revision: doc.plan.revision, title: doc.plan.title, added: d?.added.length ?? doc.items.length, changed: d?.changed.length ?? 0, removed: d?.removed.length ?? 0,
      }) });
    } catch (e) {
      setState({ kind: 'error', text: t('planImport.failed', { file: fileName, message: e instanceof Error ? e.message : String(e) }) });
    }
  };

  return (
    <section className="page plan-import" aria-labelledby="rv-title">
      <header className="pi-head">
        <h1 id="rv-title">{t('revision.title')}</h1>
      </header>
      <section className="pi-card">
        {check?.installed && <p>{t('revision.intro', { title: doc.plan.title, installed: check.installed.plan.revision, file: fileName, incoming: doc.plan.revision })}</p>}
        {v?.kind === 'older' && <p role="alert" className="error">{t('revision.older', { file: fileName, incoming: v.incoming, installed: v.installed })}</p>}
        {v?.kind === 'same' && <p role="status">{t('revision.same', { title: doc.plan.title, revision: doc.plan.revision })}</p>}
        {v?.kind === 'update' && v.sameNumber && <p className="pi-note" role="note">{t('revision.sameNumber')}</p>}
        {v?.kind === 'update' && check && <DiffView diff={v.diff} entryCounts={check.entryCounts} revision={doc.plan.revision} />}
        {state.kind === 'done' && <p role="status" className="ok-text">{state.text}</p>}
        {state.kind === 'error' && <p role="alert" className="error">{state.text}</p>}
        {signed && <PlanKeysOffer planId={doc.plan.id} facts={signed} />}
        <div className="pi-actions">
          {state.kind === 'done' || v?.kind === 'same' || v?.kind === 'older'
            ? <button type="button" className="primary" onClick={close}>{t('revision.close')}</button>
            : (
              <>
                <button type="button" onClick={close} disabled={state.kind === 'working'}>{t('revision.cancel')}</button>
                <button type="button" className="primary" onClick={() => void install()} disabled={!check || state.kind === 'working'}>{t('revision.confirm')}</button>
              </>
            )}
        </div>
      </section>
    </section>
  );
}
