import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { GENESIS, auditHash } from '../../shared/backup/auditChain';
import type { AuditRecord } from './records';

/** One line of the local audit log; written in the same transaction as the change it records. */
export function auditRecord(action: string, detail: unknown, ids: { unitId?: string | null; itemId?: string | null } = {}): AuditRecord {
  return { at: new Date().toISOString(), action, unitId: ids.unitId ?? null, itemId: ids.itemId ?? null, detail };
}

/**
 * Chains the audit log (docs/data-safety.md): every record added gets `prev`, the hash of the last
 * record in the table. A DBCore middleware rather than a 'creating' hook, because it sees every
 * add (add, bulkAdd, any transaction, any caller) and may read the table: the read is an IndexedDB
 * request of the same transaction, awaited at the DBCore level, so nothing foreign is awaited and
 * the transaction cannot commit early. Adds of one transaction run one after another, so two
 * `db.audit.add` in a Promise.all never fork the chain. Rows that already carry `prev` (a restore)
 * pass through unchanged.
 */
export const auditChain: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'auditChain',
  create: (down) => ({ ...down, table: (name) => (name === 'audit' ? chained(down.table(name)) : down.table(name)) }),
};

function chained(table: DBCoreTable): DBCoreTable {
  const tails = new WeakMap<DBCoreTransaction, Promise<unknown>>();
  const lastHash = async (trans: DBCoreTransaction): Promise<string> => {
    const r = await table.query({ trans, values: true, limit: 1, direction: 'prev', query: { index: table.schema.primaryKey, range: ANY } });
    const last: unknown = r.result[0];
    return last === undefined ? GENESIS : auditHash(last);
  };
  const addOne = async (req: DBCoreMutateRequest & { type: 'add' }, i: number): Promise<DBCoreMutateResponse> => {
    const value = req.values[i] as { prev?: string };
    const row = value.prev === undefined ? { ...value, prev: await lastHash(req.trans) } : value;
    return table.mutate({ ...req, values: [row], ...(req.keys ? { keys: [req.keys[i]] } : {}) });
  };
  return {
    ...table,
    mutate: (req) => {
      if (req.type !== 'add' || req.values.every((v: { prev?: string }) => v.prev !== undefined)) return table.mutate(req);
      const run = (tails.get(req.trans) ?? Promise.resolve()).then(async () => {
        const out: DBCoreMutateResponse = { numFailures: 0, failures: {}, lastResult: undefined, results: [] };
        for (let i = 0; i < req.values.length; i++) {
          const r = await addOne(req, i);
          if (r.numFailures > 0) { out.numFailures++; out.failures[i] = r.failures[0] as Error; }
          out.results?.push(r.results?.[0]);
          out.lastResult = r.lastResult;
        }
        return out;
      });
      tails.set(req.trans, run.catch(() => undefined));
      return run;
    },
  };
}

// DBCoreRangeType.Any (a const enum, which isolated modules cannot import).
const ANY = { type: 3, lower: undefined, upper: undefined } as const;
