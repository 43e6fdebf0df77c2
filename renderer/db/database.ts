import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import { auditChain } from './audit';
import type {
  AuditRecord, EntryRecord, ExportedPackageRecord, GroupRecord, ItemRecord, PlanRecord, ReceivedPackageRecord,
  SectionRecord, SelfRecord, SequenceRecord, SettingRecord, TrustRecord, UnitRecord,
} from './records';

// Step i is database version i + 1. A step that has shipped is never edited: a schema change
// is a new step with an upgrade function, and a test that opens a database written by the step before.
type Step = { stores: Record<string, string | null>; upgrade?: (tx: Transaction) => Promise<unknown> };

export const STEPS: readonly Step[] = [
  {
    stores: {
      settings: 'key',
      units: 'id, parentId, searchKey',
      groups: 'id',
      plans: 'id',
      sections: '[planId+id], planId',
      items: '[planId+id], planId',
      entries: '[unitId+planId+period+itemId], [unitId+planId+period], [planId+period]',
      received: '++id, &bytesHash, [planId+period], [unitId+planId+period], packageId, reason, receivedAt',
      exported: '++id, [unitId+planId+period], packageId',
      sequences: '[unitId+planId+period]',
      trust: '[unitId+keyId], unitId, keyId',
      audit: '++id, at, itemId',
    },
  },
];

export const DB_NAME = 'planbook';

export class PlanBookDb extends Dexie {
  declare settings: Table<SelfRecord | SettingRecord, string>;
  declare units: EntityTable<UnitRecord, 'id'>;
  declare groups: EntityTable<GroupRecord, 'id'>;
  declare plans: EntityTable<PlanRecord, 'id'>;
  declare sections: Table<SectionRecord, [string, string]>;
  declare items: Table<ItemRecord, [string, string]>;
  declare entries: Table<EntryRecord, [string, string, string, string]>;
  declare received: EntityTable<ReceivedPackageRecord, 'id'>;
  declare exported: EntityTable<ExportedPackageRecord, 'id'>;
  declare sequences: Table<SequenceRecord, [string, string, string]>;
  declare trust: Table<TrustRecord, [string, string]>;
  declare audit: EntityTable<AuditRecord, 'id'>;

  /** `upTo` lets tests write a database as an older version did. */
  constructor(name = DB_NAME, upTo = STEPS.length) {
    super(name);
    STEPS.slice(0, upTo).forEach(({ stores, upgrade }, i) => {
      const version = this.version(i + 1).stores(stores);
      if (upgrade) version.upgrade(upgrade);
    });
    this.use(auditChain);
  }
}

export const CURRENT_VERSION = STEPS.length;

export type OpenResult =
  | { ok: true; db: PlanBookDb }
  | { ok: false; reason: 'newer'; found: number; known: number }
  | { ok: false; reason: 'failed'; message: string };

/**
 * Opens the database, refusing one written by a newer PlanBook: Dexie 4 would open it and
 * could then write rows the newer schema does not expect. We read the on-disk version first.
 */
export async function openDatabase(name = DB_NAME): Promise<OpenResult> {
  try {
    const found = await onDiskVersion(name);
    if (found !== null && found > CURRENT_VERSION) return { ok: false, reason: 'newer', found, known: CURRENT_VERSION };
    const db = new PlanBookDb(name);
    await db.open();
    return { ok: true, db };
  } catch (e) {
    return { ok: false, reason: 'failed', message: e instanceof Error ? e.message : String(e) };
  }
}

/** The Dexie version stored on disk (IndexedDB version / 10), or null when there is no database. */
async function onDiskVersion(name: string): Promise<number | null> {
  if (!(await Dexie.exists(name))) return null;
  const probe = new Dexie(name);
  try {
    await probe.open(); // dynamic mode: opens at whatever version is on disk
    return probe.verno;
  } finally {
    probe.close();
  }
}
