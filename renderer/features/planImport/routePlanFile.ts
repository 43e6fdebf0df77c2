// Where a plan file picked on the Plans screen goes: a spreadsheet to the import wizard; a plan
// whose id is already installed to the revision screen (diff before confirming); else straight in.
import type { PlanDocument } from '../../../shared/model/plan';
import type { PickedFile } from '../../../shared/platform/contract';
import { sniff } from '../../../shared/xlsx/sniff';
import type { PlanBookDb } from '../../db/database';

/** An .xlsx/.xls by its bytes (the core's magic-byte check), or by its name when the bytes say nothing. */
export function isSpreadsheet(file: PickedFile): boolean {
  const kind = sniff(file.bytes).kind;
  return kind === 'xlsx' || kind === 'xls' || (kind !== 'json' && /\.xlsx?$/iu.test(file.name));
}

/** A plan of this id is installed: the incoming one is a revision, to be reviewed before it replaces it. */
export async function isInstalled(db: PlanBookDb, doc: PlanDocument): Promise<boolean> {
  return (await db.plans.get(doc.plan.id)) !== undefined;
}
