// The officer's other answer to an unproven rotation (unprovenRotations.ts): refuse the new key,
// e.g. because the unit says it did not make that rotation. Nothing in the trust registry changes
// (the old key stays trusted); the received rows, kept as evidence, are marked `setAside` so they are
// no longer offered, never applied by a later trust act (trustRepo's keptRotations skips them), and
// the import table reads them as refused. One audit line records the act, in the same transaction.
import { auditRecord } from '../../db/audit';
import type { PlanBookDb } from '../../db/database';
import { trustRepo } from './trustRepo';
import { receivedRepo } from '../consolidation/receivedRepo';
import { unprovenRotationOf } from './unprovenRotations';

export type RefuseResult = { ok: true; packageIds: string[] } | { ok: false; error: 'not-pending' };

/**
 * Refuses every kept, still pending rotation of `unitId` to the new key `keyId` (the Keys panel lists
 * them as one entry, so they are refused together). `not-pending` when none is left to refuse (applied,
 * refused or no longer offered meanwhile): then nothing is written.
 */
export const refuseRotation = (db: PlanBookDb, req: { unitId: string; keyId: string; how: string }) =>
  db.transaction('rw', db.received, db.trust, db.audit, async (): Promise<RefuseResult> => {
    const [rows, registry] = await Promise.all([
      receivedRepo.verifiedKeys(db),
      trustRepo.registry(db),
    ]);
    const refused = rows.flatMap((r) => {
      const u = unprovenRotationOf(r, registry);
      return u && u.unitId === req.unitId && u.keyId === req.keyId && r.id !== undefined ? [{ id: r.id, u }] : [];
    });
    const first = refused[0];
    if (!first) return { ok: false, error: 'not-pending' };
    for (const { id } of refused) await db.received.update(id, { setAside: true });
    const packageIds = refused.map(({ u }) => u.packageId);
    await db.audit.add(auditRecord('key-rotation-refused', {
      keyId: req.keyId, publicKey: first.u.publicKey, replaces: first.u.replaces, validFrom: first.u.validFrom, packageIds, how: req.how,
    }, { unitId: req.unitId }));
    return { ok: true, packageIds };
  });
