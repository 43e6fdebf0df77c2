// The units of a signed plan package kept for the consolidation board: once the issuer is trusted
// (the act that trusts their keys), the latest package's list, without their keys.
import { describe, expect, it } from 'vitest';
import { PlanBookDb } from '../../../renderer/db/database';
import { planUnitsRepo } from '../../../renderer/features/consolidation/planUnitsRepo';
import { trustRepo } from '../../../renderer/features/keys/trustRepo';
import type { UnitId } from '../../../shared/model/ids';
import { PLAN_ID, aPlanPayload, testKey } from '../../helpers/packages';

const uniq = (() => { let n = 0; return (p: string) => `${p}-${Date.now()}-${n++}`; })();
const city = testKey('thanh-pho');

describe('plan units (Dexie)', () => {
  it('are kept when the issuer is trusted, replaced by a later package, and carry no keys', async () => {
    const db = new PlanBookDb(uniq('plan-units'));
    await db.open();
    const units = aPlanPayload([testKey('p7'), testKey('p8')]).units;
    const issuer = { unitId: 'thanh-pho', keyId: city.keyId, publicKey: city.publicKeyB64 };
    expect(await trustRepo.takePlanKeys(db, { planId: PLAN_ID, issuer, units, issuerConfirmed: false })).toMatchObject({ ok: false });
    expect(await planUnitsRepo.get(db, PLAN_ID)).toEqual([]);
    await trustRepo.takePlanKeys(db, { planId: PLAN_ID, issuer, units, issuerConfirmed: true });
    const kept = await planUnitsRepo.get(db, PLAN_ID);
    expect(kept.map((u) => [u.id, u.parentId])).toEqual(units.map((u) => [u.id, u.parentId]));
    expect(kept.every((u) => !('publicKeys' in u))).toBe(true);
    const later = [...units, { id: 'p9' as UnitId, name: 'Phường 9', parentId: units[1]?.parentId ?? null, aliases: [], publicKeys: [], validFrom: '2025-07-01' }];
    await trustRepo.takePlanKeys(db, { planId: PLAN_ID, issuer, units: later, issuerConfirmed: false });
    expect((await planUnitsRepo.get(db, PLAN_ID)).at(-1)).toEqual({ id: 'p9', name: 'Phường 9', parentId: units[1]?.parentId ?? null, validFrom: '2025-07-01' });
    expect(await planUnitsRepo.get(db, 'another-plan')).toEqual([]);
    db.close();
  });
});
