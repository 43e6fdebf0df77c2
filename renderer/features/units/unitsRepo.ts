import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { IsoDate, UnitId } from '../../../shared/model/ids';
import type { PlanUnit, UnitDirectory } from '../../../shared/model/units';
import { planAliasesFor } from '../../../shared/units/planAliases';
import { auditRecord } from '../../db/audit';
import { fold } from '../../../shared/text/fold';
import { indexDirectory, type Directory } from '../../../shared/units/directory';
import type { PlanBookDb } from '../../db/database';
import { useDb } from '../../db/context';
import type { SettingRecord, UnitRecord } from '../../db/records';

const searchKey = (u: { name: string; aliases: string[] }) => fold([u.name, ...u.aliases].join(' | '));
type DirectoryMeta = { version: number; asOf: IsoDate };
const META = 'directory';

export const unitsRepo = {
  /** Replaces the directory as a whole: a reorganisation arrives as new data, old units keep their ids. */
  install: (db: PlanBookDb, dir: UnitDirectory) =>
    db.transaction('rw', db.units, db.groups, db.settings, async () => {
      await db.units.bulkPut(dir.units.map((u): UnitRecord => ({ ...u, searchKey: searchKey(u) })));
      await db.groups.bulkPut(dir.groups);
      await db.settings.put({ key: META, value: { version: dir.version, asOf: dir.asOf } satisfies DirectoryMeta });
    }),
  /**
   * The aliases a signed plan package gives units this installation knows (shared/units/planAliases.ts),
   * each audited as the officer's own remembered aliases are. Returns how many were added.
   */
  adoptPlanAliases: (db: PlanBookDb, planUnits: readonly PlanUnit[], planId: string) =>
    db.transaction('rw', db.units, db.audit, async (): Promise<number> => {
      const units = await db.units.bulkGet(planUnits.map((u) => u.id));
      const present = units.filter((u): u is UnitRecord => u !== undefined);
      let added = 0;
      for (const { unitId, add } of planAliasesFor(present, planUnits)) {
        const unit = present.find((u) => u.id === unitId);
        if (!unit) continue;
        const aliases = [...unit.aliases, ...add];
        await db.units.put({ ...unit, aliases, searchKey: searchKey({ name: unit.name, aliases }) });
        for (const alias of add) await db.audit.add(auditRecord('unit-alias-added', { alias, planId, from: 'plan-package' }, { unitId }));
        added += add.length;
      }
      return added;
    }),
  all: (db: PlanBookDb) => db.units.toArray(),
  directory: async (db: PlanBookDb): Promise<UnitDirectory> => {
    const [units, groups, meta] = await Promise.all([db.units.toArray(), db.groups.toArray(), db.settings.get(META)]);
    const m = (meta as SettingRecord | undefined)?.value as DirectoryMeta | undefined;
    return { version: m?.version ?? 1, asOf: m?.asOf ?? ('1970-01-01' as IsoDate), units: units.map(({ searchKey: _s, ...u }) => u), groups };
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

/** The stored directory, indexed by the core for name resolution and assignments. */
export function useDirectory(): Directory | undefined {
  const db = useDb();
  const data = useLiveQuery(() => unitsRepo.directory(db), [db]);
  return useMemo(() => (data ? indexDirectory(data) : undefined), [data]);
}
