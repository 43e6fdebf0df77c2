import { useState } from 'react';
import type { PlanId, UnitId } from '../../../shared/model/ids';
import { useDb } from '../../db/context';
import { useT } from '../../i18n';
import { platform } from '../../platform';
import { platformSigner } from '../../platform/signer';
import { useDirectory } from '../units/unitsRepo';
import { publishPlan } from './publishPlan';

type Status = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; text: string } | { kind: 'error'; text: string };

/** The issuer publishes the selected plan: a signed `plan` package with a new revision number. */
export function PublishButton({ planId, unitId }: { planId: PlanId | null; unitId: UnitId }) {
  const t = useT();
  const db = useDb();
  const directory = useDirectory();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const run = async () => {
    if (!planId || !directory) { setStatus({ kind: 'error', text: t('publish.no-plan') }); return; }
    setStatus({ kind: 'working' });
    try {
      const r = await publishPlan(db, planId, unitId, directory, {
        signer: () => platformSigner(unitId),
        save: (suggestedName, bytes) => platform.saveFile({ suggestedName, bytes }),
      });
      setStatus(r.ok
        ? { kind: 'done', text: t('publish.done', { revision: r.revision, file: r.fileName, units: r.units, keys: r.keys }) }
        : { kind: 'error', text: t(`publish.${r.reason}`) });
    } catch (e) {
      setStatus({ kind: 'error', text: t('publish.failed', { detail: e instanceof Error ? e.message : String(e) }) });
    }
  };
  return (
    <>
      <button type="button" onClick={() => void run()} disabled={!planId || status.kind === 'working'}>
        {status.kind === 'working' ? t('publish.working') : t('publish.button')}
      </button>
      {status.kind === 'done' && <span role="status" className="ok-text pi-row-status">{status.text}</span>}
      {status.kind === 'error' && <span role="alert" className="error pi-row-status">{status.text}</span>}
    </>
  );
}
