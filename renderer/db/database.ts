import Dexie, { type DBCore, type DexieOptions, type EntityTable, type Middleware, type Table, type Transaction } from 'dexie';
import { auditChain } from './audit';
import type {
  AuditRecord, EntryRecord, ExportedPackageRecord, GroupRecord, ItemRecord, PlanRecord, ReceivedPackageRecord,
  SectionRecord, SelfRecord, SequenceRecord, SettingRecord, TrustRecord, UnitRecord,
} from './records';

// Step i is database version i + 1. A step that has shipped is never edited: a schema change
// is a new step with an upgrade function, and a test that opens a database written by the step before.
export type Step = { stores: Record<string, string | null>; upgrade?: (tx: Transaction) => Promise<unknown> };

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
      // `kind`: the keys packages (enrolments, rotations) found without reading every report received.
      received: '++id, &bytesHash, [planId+period], [unitId+planId+period], packageId, reason, receivedAt, kind',
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

  /**
   * Set by `openDatabase` when the database was written by a newer PlanBook: every write is
   * refused (ReadOnlyError) by the `readOnlyGuard` middleware, whatever the caller.
   */
  readOnly = false;

  /**
   * `upTo` lets tests write a database as an older version did; `options` lets tests hand in an
   * IDBFactory; `steps` lets tests add a next version.
   */
  constructor(name = DB_NAME, upTo = STEPS.length, options?: DexieOptions, steps: readonly Step[] = STEPS) {
    super(name, options);
    steps.slice(0, upTo).forEach(({ stores, upgrade }, i) => {
      const version = this.version(i + 1).stores(stores);
      if (upgrade) version.upgrade(upgrade);
    });
    this.use(auditChain);
    this.use(readOnlyGuard(() => this.readOnly));
  }
}

/** The Vietnamese text travels with the error, so any screen showing `e.message` says it in the officer's words. */
export const READ_ONLY_MESSAGE = 'Dữ liệu do phiên bản PlanBook mới hơn tạo ra nên chỉ được xem, không được sửa. Hãy cập nhật PlanBook để tiếp tục nhập liệu.';

/** A write refused because the database is open read-only (written by a newer PlanBook). */
export class ReadOnlyError extends Error {
  override name = 'ReadOnlyError';
  constructor() { super(READ_ONLY_MESSAGE); }
}

/** True for a ReadOnlyError, also when Dexie wraps it (AbortError with `inner`). */
export function isReadOnlyError(e: unknown): boolean {
  for (let x: unknown = e, depth = 0; x && depth < 5; depth++) {
    const { name, inner } = x as { name?: unknown; inner?: unknown };
    if (name === 'ReadOnlyError') return true;
    x = inner;
  }
  return false;
}

/**
 * Refuses every mutation (add, put, delete, deleteRange; from any table, any transaction, any
 * caller) while `readOnly()` holds. At the DBCore level, so no repository can forget it.
 */
export function readOnlyGuard(readOnly: () => boolean): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'readOnlyGuard',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return { ...table, mutate: (req) => (readOnly() ? Promise.reject(new ReadOnlyError()) : table.mutate(req)) };
      },
    }),
  };
}

export const CURRENT_VERSION = STEPS.length;

/** Why the database is open read-only: written by a newer PlanBook (data version `found`; this app knows `known`). */
export type ReadOnlyReason = { reason: 'newer'; found: number; known: number };

export type OpenResult =
  | { ok: true; db: PlanBookDb; readOnly: ReadOnlyReason | null }
  | { ok: false; reason: 'failed'; message: string; name: string };

export type OpenOptions = {
  /**
   * Runs on the database as it is on disk, opened at its own older version, before this app
   * upgrades it (the automatic backup before a migration). A failure does not stop the upgrade.
   */
  beforeUpgrade?: (old: PlanBookDb) => Promise<unknown>;
  /** Test seams: an IDBFactory (a stub that fails, or fake-indexeddb), and the steps this app knows. */
  dexie?: Pick<DexieOptions, 'indexedDB' | 'IDBKeyRange'>;
  steps?: readonly Step[];
};

/**
 * Opens the database. One written by a newer PlanBook is opened read-only (Dexie 4 opens it at
 * its own version without upgrading; the guard refuses every write, so rows the newer schema does
 * not expect are never written). We read the on-disk version first. One written by an older
 * PlanBook is handed to `beforeUpgrade` at its own version first. Any other failure (a damaged
 * database, a browser error) is returned with its technical detail, never thrown.
 */
export async function openDatabase(name = DB_NAME, options: OpenOptions = {}): Promise<OpenResult> {
  const { beforeUpgrade, dexie, steps = STEPS } = options;
  try {
    const found = await onDiskVersion(name, dexie);
    if (found !== null && found < steps.length && beforeUpgrade) {
      const old = new PlanBookDb(name, found, dexie, steps);
      try {
        await old.open();
        await beforeUpgrade(old).catch(() => undefined);
      } finally {
        old.close();
      }
    }
    const db = new PlanBookDb(name, steps.length, dexie, steps);
    const readOnly: ReadOnlyReason | null = found !== null && found > steps.length ? { reason: 'newer', found, known: steps.length } : null;
    db.readOnly = readOnly !== null;
    await db.open();
    return { ok: true, db, readOnly };
  } catch (e) {
    return { ok: false, reason: 'failed', message: e instanceof Error ? e.message : String(e), name: e instanceof Error ? e.name : 'Error' };
  }
}

/** The Dexie version stored on disk (IndexedDB version / 10), or null when there is no database. */
async function onDiskVersion(name: string, options?: Pick<DexieOptions, 'indexedDB' | 'IDBKeyRange'>): Promise<number | null> {
  const probe = new Dexie(name, { ...options, addons: [] });
  try {
    await probe.open(); // dynamic mode: opens at whatever version is on disk
    return probe.verno;
  } catch (e) {
    if (e instanceof Dexie.NoSuchDatabaseError) return null;
    throw e;
  } finally {
    probe.close();
  }
}
