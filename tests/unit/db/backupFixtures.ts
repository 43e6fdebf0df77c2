// Fixtures of the backup and fault tests: a ward with a plan, an exported package and audit lines.
import type { PeriodKey, PlanId, UnitId } from '../../../shared/model/ids';
import { PlanBookDb } from '../../../renderer/db/database';
import { auditRecord } from '../../../renderer/db/audit';
import type { SequenceWitness } from '../../../renderer/features/progress/exportReport';

let n = 0;
export const freshDb = async (p = 'bk') => { const db = new PlanBookDb(`${p}-${Date.now()}-${n++}`); await db.open(); return db; };
export const key = { unitId: 'vt-thang-tam' as UnitId, planId: 'vungtau-cds-2024' as PlanId, period: '2024-05' as PeriodKey };
export function mapWitness(): SequenceWitness & { map: Map<string, number> } {
  const map = new Map<string, number>();
  const k = (x: typeof key) => JSON.stringify([x.unitId, x.planId, x.period]);
  return { map, read: (x) => map.get(k(x)) ?? null, write: (x, s) => { map.set(k(x), Math.max(map.get(k(x)) ?? 0, s)); } };
}

/** A ward with a unit, a plan row, an exported package at sequence `seq`, and audit lines. */
export async function fillWard(db: PlanBookDb, seq = 3) {
  await db.transaction('rw', db.tables, async () => {
    await db.settings.put({ key: 'self', unitId: key.unitId, role: 'reporter', setUpAt: '2024-05-01T00:00:00Z' });
    await db.plans.put({ id: key.planId, importedAt: '2024-05-01', source: 'demo' } as never);
    await db.sequences.put({ ...key, last: seq, narrative: 'Tháng 5' });
    await db.exported.add({ ...key, sequence: seq, packageId: `p${seq}`, fileName: `f${seq}.json`, bytes: new Uint8Array([1, 2, seq]), exportedAt: '2024-05-10' });
    await Promise.all([db.audit.add(auditRecord('a', { n: 1 })), db.audit.add(auditRecord('b', { n: 2 }))]);
  });
}
