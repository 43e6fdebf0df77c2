import { useState } from 'react';
import { useDb } from '../../db/context';
import { useT } from '../../i18n';
import { useUi } from '../../state';
import { platform } from '../../platform';
import { unitsRepo, useDirectory } from '../units/unitsRepo';
import { installPlan, readPlanFile, type SignedPlanFacts } from './importPlan';
import { PlanKeysOffer } from '../keys/PlanKeysOffer';
import { isInstalled, isSpreadsheet } from '../planImport/routePlanFile';

type Status = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; text: string } | { kind: 'error'; text: string };

/**
 * Import a plan from a .json file: a signed plan package from the issuing unit, or a transcribed plan.
 * An .xlsx/.xls opens the import wizard; a new revision of an installed plan opens the revision screen.
 */
export function ImportPlanButton() {
  const t = useT();
  const db = useDb();
  const lang = useUi((s) => s.lang);
  const selectPlan = useUi((s) => s.selectPlan);
  const openPlanImport = useUi((s) => s.openPlanImport);
  const directory = useDirectory();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  // The unit keys of a signed plan package: offered to the trust registry (features/keys).
  const [planKeys, setPlanKeys] = useState<{ planId: string; facts: SignedPlanFacts } | null>(null);

  const run = async () => {
    if (!directory) return;
    const picked = await platform.openFiles({ accept: ['json', 'xlsx'], multiple: false });
    if (!picked.ok) {
      if (picked.reason !== 'cancelled') setStatus({ kind: 'error', text: t('plans.import.readFailed') });
      return;
    }
    const file = picked.files[0];
    if (!file) return;
    if (isSpreadsheet(file)) { setStatus({ kind: 'idle' }); openPlanImport({ kind: 'wizard', file }); return; }
    setStatus({ kind: 'working' });
    setPlanKeys(null);
    try {
      const r = await readPlanFile(file, directory, lang);
      if (r.ok && await isInstalled(db, r.doc)) {
        // The revision screen replaces this one: it offers the package's unit keys itself.
        setStatus({ kind: 'idle' });
        openPlanImport({ kind: 'revision', doc: r.doc, source: r.source, fileName: file.name, ...(r.signed ? { signed: r.signed } : {}) });
        return;
      }
      if (r.ok && r.signed) setPlanKeys({ planId: r.doc.plan.id, facts: r.signed });
      if (r.ok) {
        await installPlan(db, r.doc, r.source);
        if (r.signed) await unitsRepo.adoptPlanAliases(db, r.signed.units, r.doc.plan.id);
        selectPlan(r.doc.plan.id);
        setStatus({ kind: 'done', text: t('plans.import.done', { title: r.doc.plan.title, items: r.doc.items.length }) });
      } else {
        setStatus({ kind: 'error', text: t(`plans.import.${r.problem}`, { file: file.name, detail: r.detail }) });
      }
    } catch (e) {
      setStatus({ kind: 'error', text: t('plans.import.failed', { file: file.name, detail: e instanceof Error ? e.message : String(e) }) });
    }
  };

  return (
    <div className="import-plan">
      <button type="button" onClick={() => void run()} disabled={status.kind === 'working' || !directory}>{t('plans.import')}</button>
      {status.kind === 'done' && <span role="status" className="ok-text">{status.text}</span>}
      {status.kind === 'error' && <span role="alert" className="error">{status.text}</span>}
      {planKeys && <PlanKeysOffer planId={planKeys.planId} facts={planKeys.facts} />}
    </div>
  );
}
