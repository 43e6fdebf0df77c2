import type { AuditRecord } from './records';

/** One line of the local audit log; written in the same transaction as the change it records. */
export function auditRecord(action: string, detail: unknown, ids: { unitId?: string | null; itemId?: string | null } = {}): AuditRecord {
  return { at: new Date().toISOString(), action, unitId: ids.unitId ?? null, itemId: ids.itemId ?? null, detail };
}
