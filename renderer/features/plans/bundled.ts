// The unit directory and the demo plans shipped in resources/: real plans of Bà Rịa - Vũng Tàu.
import directoryJson from '../../../resources/units/directory.json';
import { parseDirectory, type Directory } from '../../../shared/units/directory';
import { readTranscribedPlan } from '../../../shared/plans/transcribed';
import type { PlanBookDb } from '../../db/database';
import { unitsRepo } from '../units/unitsRepo';
import { plansRepo } from './plansRepo';

const demoPlans = import.meta.glob<unknown>('../../../resources/plans/*.json', { import: 'default' });

/** The bundled directory, checked like any outside input: a broken bundle is a build defect, said loudly. */
export function bundledDirectory(): Directory {
  const r = parseDirectory(directoryJson);
  if (!r.ok) throw new Error(`resources/units/directory.json: ${r.errors.join('; ')}`);
  return r.directory;
}

/** Installs the bundled directory on first start (an empty units table). */
export async function ensureDirectory(db: PlanBookDb): Promise<void> {
  if ((await db.units.count()) > 0) return;
  await unitsRepo.install(db, bundledDirectory().data);
}

/** Installs (or reinstalls) every demo plan; returns how many. Progress on them is keyed by item id and stays. */
export async function installDemoPlans(db: PlanBookDb): Promise<number> {
  const directory = bundledDirectory();
  let count = 0;
  for (const load of Object.values(demoPlans)) {
    const r = readTranscribedPlan(await load(), directory);
    if (!r.ok) throw new Error(r.errors.join('; '));
    await plansRepo.install(db, r.doc, 'demo');
    count++;
  }
  return count;
}
