import type { PlanId } from '../../../shared/model/ids';
import type { SelfRecord } from '../../db/records';
import { useT } from '../../i18n';
import { useUi } from '../../state';
import { PublishButton } from './PublishButton';

/** Beside the plan picker: import from Excel, and for a consolidating unit, publish the selected plan. */
export function PlanTools({ self, planId }: { self: SelfRecord; planId: PlanId | null }) {
  const t = useT();
  const open = useUi((s) => s.openPlanImport);
  return (
    <>
      <button type="button" onClick={() => open({ kind: 'wizard', file: null })}>{t('planImport.fromExcel')}</button>
      {self.role !== 'reporter' && <PublishButton planId={planId} unitId={self.unitId} />}
    </>
  );
}
