import { createContext, useContext, type ReactNode } from 'react';
import type { PlanBookDb } from './database';

const DbContext = createContext<PlanBookDb | null>(null);

/** Screens get the database from context, so tests can hand in their own. */
export function DbProvider({ db, children }: { db: PlanBookDb; children: ReactNode }) {
  return <DbContext.Provider value={db}>{children}</DbContext.Provider>;
}

export function useDb(): PlanBookDb {
  const db = useContext(DbContext);
  if (!db) throw new Error('useDb outside DbProvider');
  return db;
}
