import './planImport.css';
import type { SelfRecord } from '../../db/records';
import type { PlanImportOpen } from '../../state/planImportUi';
import { ImportWizard } from './ImportWizard';
import { RevisionReview } from './RevisionReview';

/** The view shown in place of the plan browser while a plan is being imported. */
export function PlanImportScreen({ open, self }: { open: PlanImportOpen; self: SelfRecord }) {
  return open.kind === 'wizard'
    ? <ImportWizard file={open.file} unitId={self.unitId} />
    : <RevisionReview doc={open.doc} source={open.source} fileName={open.fileName} signed={open.signed} />;
}
