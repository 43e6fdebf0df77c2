import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { PlanBookDb, ReadOnlyReason } from './database';

const DbContext = createContext<PlanBookDb | null>(null);

/** How the open database may be used: read-only (written by a newer PlanBook), or outdated (another window upgraded it). */
export type DbStatus = { readOnly: ReadOnlyReason | null; outdated: boolean };
const StatusContext = createContext<DbStatus>({ readOnly: null, outdated: false });

/**
 * Screens get the database from context, so tests can hand in their own. `readOnly` comes from
 * `openDatabase`. When another window opens the database at a newer version (versionchange), this
 * connection is closed and made read-only (Dexie would otherwise reopen it under the old schema),
 * and the status says so: the app asks the user to reload.
 */
export function DbProvider({ db, readOnly = null, children }: { db: PlanBookDb; readOnly?: ReadOnlyReason | null; children: ReactNode }) {
  const [outdated, setOutdated] = useState(false);
  useEffect(() => {
    const onVersionChange = () => {
      db.readOnly = true;
      db.close({ disableAutoOpen: true });
      setOutdated(true);
      return false;
    };
    db.on('versionchange', onVersionChange);
    return () => db.on('versionchange').unsubscribe(onVersionChange);
  }, [db]);
  const status = useMemo(() => ({ readOnly, outdated }), [readOnly, outdated]);
  return (
    <DbContext.Provider value={db}>
      <StatusContext.Provider value={status}>{children}</StatusContext.Provider>
    </DbContext.Provider>
  );
}

export function useDb(): PlanBookDb {
  const db = useContext(DbContext);
  if (!db) throw new Error('useDb outside DbProvider');
  return db;
}

export const useDbStatus = (): DbStatus => useContext(StatusContext);
