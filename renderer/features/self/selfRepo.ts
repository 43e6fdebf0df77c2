import { useLiveQuery } from 'dexie-react-hooks';
import type { UnitId } from '../../../shared/model/ids';
import type { PlanBookDb } from '../../db/database';
import { useDb } from '../../db/context';
import { auditRecord } from '../../db/audit';
import type { Role, SelfRecord } from '../../db/records';

const isSelf = (r: unknown): r is SelfRecord => typeof r === 'object' && r !== null && (r as { key?: unknown }).key === 'self';

export const selfRepo = {
  get: async (db: PlanBookDb): Promise<SelfRecord | null> => {
    const r = await db.settings.get('self');
    return isSelf(r) ? r : null;
  },
  save: (db: PlanBookDb, unitId: UnitId, role: Role) =>
    db.transaction('rw', db.settings, db.audit, async () => {
      const row: SelfRecord = { key: 'self', unitId, role, setUpAt: new Date().toISOString() };
      await db.settings.put(row);
      await db.audit.add(auditRecord('self-set', { unitId, role }, { unitId }));
    }),
};

/** undefined while loading, null before setup. */
export function useSelf(): SelfRecord | null | undefined {
  const db = useDb();
  return useLiveQuery(() => selfRepo.get(db), [db]);
}
