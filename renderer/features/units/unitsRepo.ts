import { useLiveQuery } from 'dexie-react-hooks';
import type { UnitId } from '../../../shared/model/ids';
import type { UnitDirectory } from '../../../shared/model/units';
import { fold } from '../../../shared/text/fold';
import type { PlanBookDb } from '../../db/database';
import { useDb } from '../../db/context';
import type { UnitRecord } from '../../db/records';

const searchKey = (u: { name: string; aliases: string[] }) => fold([u.name, ...u.aliases].join(' | '));

export const unitsRepo = {
  /** Replaces the directory as a whole: a reorganisation arrives as new data, old units keep their ids. */
  install: (db: PlanBookDb, dir: UnitDirectory) =>
    db.transaction('rw', db.units, db.groups, async () => {
      await db.units.bulkPut(dir.units.map((u): UnitRecord => ({ ...u, searchKey: searchKey(u) })));
      await db.groups.bulkPut(dir.groups);
    }),
  all: (db: PlanBookDb) => db.units.toArray(),
  directory: async (db: PlanBookDb): Promise<UnitDirectory> => {
    const [units, groups] = await Promise.all([db.units.toArray(), db.groups.toArray()]);
    return { version: 1, asOf: '' as UnitDirectory['asOf'], units: units.map(({ searchKey: _s, ...u }) => u), groups };
  },
};

export function useUnits(): UnitRecord[] | undefined {
  const db = useDb();
  return useLiveQuery(() => unitsRepo.all(db), [db]);
}

export function useUnit(id: UnitId | null): UnitRecord | undefined {
  const db = useDb();
  return useLiveQuery(async () => (id ? db.units.get(id) : undefined), [db, id]);
}

export function useDirectory(): UnitDirectory | undefined {
  const db = useDb();
  return useLiveQuery(() => unitsRepo.directory(db), [db]);
}
