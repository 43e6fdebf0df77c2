import { useState } from 'react';
import type { PlanDocument } from '../../../shared/model/plan';
import { useDb } from '../../db/context';
import { useT } from '../../i18n';
import { DiffView } from './DiffView';
import { planImportRepo } from './planImportRepo';
import { backupBefore } from '../backup/service';
import { useRevision } from './useRevision';

type Props = { doc: PlanDocument; source: 'xlsx' | 'package' | 'transcribed'; onBack: () => void; onDone: (text: string) => void };

/** The last look before the plan is stored: a summary, and the diff when it replaces an installed revision. */
export function ConfirmStep({ doc, source, onBack, onDone }: Props) {
  const t = useT();
  const db = useDb();
  const check = useRevision(doc);
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'working' } | { kind: 'error'; text: string }>({ kind: 'idle' });
  const install = async () => {
    setState({ kind: 'working' });
    try {
      await backupBefore(db, 'before-plan');
      await planImportRepo.installRevision(db, doc, source);
      onDone(t('planImport.installed', { title: doc.plan.title, items: doc.items.length }));
    } catch (e) {
      setState({ kind: 'error', text: t('planImport.failed', { file: doc.plan.id, message: e instanceof Error ? e.message : String(e) }) });
    }
  };
  const v = check?.verdict;
  return (
    <section className="pi-card" aria-labelledby="pi-confirm">
      <h2 id="pi-confirm">{t('planImport.step.confirm')}</h2>
      <p>{t('planImport.summary', { title: doc.plan.title, id: doc.plan.id, revision: doc.plan.revision, items: doc.items.length })}</p>
      {v?.kind === 'update' && check?.installed && (
        <>
          <p>{t('planImport.replaces', { id: doc.plan.id, revision: check.installed.plan.revision, next: doc.plan.revision })}</p>
          <DiffView diff={v.diff} entryCounts={check.entryCounts} revision={doc.plan.revision} />
        </>
      )}
      {state.kind === 'error' && <p role="alert" className="error">{state.text}</p>}
      <div className="pi-actions">
        <button type="button" onClick={onBack} disabled={state.kind === 'working'}>{t('planImport.back')}</button>
        <button type="button" className="primary" onClick={() => void install()} disabled={!check || state.kind === 'working'}>
          {state.kind === 'working' ? t('planImport.installing') : t('planImport.confirm')}
        </button>
      </div>
    </section>
  );
}
