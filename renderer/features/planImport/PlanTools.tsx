import './planImport.css';
import type { PlanId } from '../../../shared/model/ids';
import type { SelfRecord } from '../../db/records';
import { useT } from '../../i18n';
import { useUi } from '../../state';
import { PublishButton } from './PublishButton';

/**
 * Beside the plan picker, for a consolidating unit (the issuer): import from Excel, publish the
 * selected plan. A reporting unit can still open an .xlsx through the ordinary import button.
 */
export function PlanTools({ self, planId }: { self: SelfRecord; planId: PlanId | null }) {
  const t = useT();
  const open = useUi((s) => s.openPlanImport);
  return (
    self.role === 'reporter' ? null : (
      <>
        <button type="button" onClick={() => open({ kind: 'wizard', file: null })}>{t('planImport.fromExcel')}</button>
        <PublishButton planId={planId} unitId={self.unitId} />
      </>
    )
  );
}
