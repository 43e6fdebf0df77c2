import { useState } from 'react';
import type { PlanId } from '../../../shared/model/ids';
import { planWorkbookBytes, planWorkbookFileName } from '../../../shared/plans/toSheets';
import { useDb } from '../../db/context';
import { useT } from '../../i18n';
import { platform } from '../../platform';
import { plansRepo } from '../plans/plansRepo';

type Status = { kind: 'idle' } | { kind: 'done'; text: string } | { kind: 'error'; text: string };

/** The selected plan as an official-looking .xlsx appendix (shared/plans/toSheets). */
export function ExportPlanButton({ planId }: { planId: PlanId | null }) {
  const t = useT();
  const db = useDb();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const run = async () => {
    if (!planId) return;
    try {
      const doc = await plansRepo.document(db, planId);
      if (!doc) return;
      const r = await platform.saveFile({ suggestedName: planWorkbookFileName(planId), bytes: planWorkbookBytes(doc) });
      if (r.ok) setStatus({ kind: 'done', text: t('planEditor.exported', { file: r.fileName }) });
      else if (r.reason !== 'cancelled') setStatus({ kind: 'error', text: t('planEditor.exportFailed', { detail: r.reason }) });
    } catch (e) {
      setStatus({ kind: 'error', text: t('planEditor.exportFailed', { detail: e instanceof Error ? e.message : String(e) }) });
    }
  };
  return (
    <>
      <button type="button" onClick={() => void run()} disabled={!planId}>{t('planEditor.export')}</button>
      {status.kind === 'done' && <span role="status" className="ok-text pi-row-status">{status.text}</span>}
      {status.kind === 'error' && <span role="alert" className="error pi-row-status">{status.text}</span>}
    </>
  );
}
