import type { UnitId } from '../../../shared/model/ids';
import type { PlanBookDb } from '../../db/database';
import type { Role } from '../../db/records';
import { platform } from '../../platform';
import { selfRepo } from '../self/selfRepo';
import { installDemoPlans } from '../plans/bundled';

export type SetupResult = { ok: true } | { ok: false; message: string };

/**
 * Demo plans first, then the unit's signing key, then the identity row: the identity is what
 * flips the app out of setup, so it is written last and a failure before it leaves setup to retry.
 */
export async function completeSetup(db: PlanBookDb, req: { unitId: UnitId; role: Role; demo: boolean }): Promise<SetupResult> {
  try {
    if (req.demo) await installDemoPlans(db);
    const key = await platform.ensureUnitKey(req.unitId);
    if (!key.ok && key.reason !== 'unavailable') return { ok: false, message: key.reason };
    await selfRepo.save(db, req.unitId, req.role);
    return { ok: true };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}
