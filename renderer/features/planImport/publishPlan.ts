// Publish: number, build, sign, save, record. The decisions are the core's (shared/packages
// builds and signs, shared/plans/revision numbers and names); this file orders the steps and talks
// to the host through injected functions, so tests run it with a key of their own and no window.
import type { PlanId, UnitId } from '../../../shared/model/ids';
import { keyIdOf, toBase64url } from '../../../shared/crypto';
import { buildPlanPackage, signPackage, type Signer } from '../../../shared/packages';
import { nextPublishRevision, planPackageFileName } from '../../../shared/plans/revision';
import type { Directory } from '../../../shared/units/directory';
import type { SaveFileResult } from '../../../shared/platform/contract';
import type { PlanBookDb } from '../../db/database';
import { plansRepo } from '../plans/plansRepo';
import { planImportRepo } from './planImportRepo';
import { planUnits, type KeyRow } from './planFacts';

export type PublishDeps = {
  signer: () => Promise<Signer | null>;
  save: (suggestedName: string, bytes: Uint8Array) => Promise<SaveFileResult>;
  now?: () => string;
};

export type PublishOutcome =
  | { ok: true; revision: number; fileName: string; units: number; keys: number }
  | { ok: false; reason: 'no-plan' | 'no-key' | 'sign-failed' | 'cancelled' | 'save-failed' };

export async function publishPlan(db: PlanBookDb, planId: PlanId, issuer: UnitId, directory: Directory, deps: PublishDeps): Promise<PublishOutcome> {
  const doc = await plansRepo.document(db, planId);
  if (!doc) return { ok: false, reason: 'no-plan' };
  const signer = await deps.signer();
  if (!signer) return { ok: false, reason: 'no-key' };
  const [last, trusted] = await Promise.all([planImportRepo.lastPublication(db, planId), planImportRepo.trusted(db)]);
  const revision = nextPublishRevision(doc.plan.revision, last?.revision ?? null);
  // The issuer's own key travels too: units check the plan's and the receipts' signatures with it.
  const own: KeyRow = { unitId: issuer, keyId: keyIdOf(signer.publicKey), publicKey: toBase64url(signer.publicKey), validFrom: null, revokedAt: null };
  const keys: KeyRow[] = [own, ...trusted.filter((k) => !(k.unitId === own.unitId && k.keyId === own.keyId))];
  const plan = { ...doc.plan, revision, issuerUnitId: doc.plan.issuerUnitId ?? issuer };
  const units = planUnits({ ...doc, plan }, directory, issuer, keys);
  const createdAt = (deps.now ?? (() => new Date().toISOString()))();
  const unsigned = buildPlanPackage({ unitId: issuer, sequence: revision, createdAt }, { plan, sections: doc.sections, items: doc.items, units });
  const signed = await signPackage(unsigned, signer);
  if (!signed.ok) return { ok: false, reason: 'sign-failed' };
  const saved = await deps.save(planPackageFileName(planId, revision), signed.bytes);
  if (!saved.ok) return { ok: false, reason: saved.reason === 'cancelled' ? 'cancelled' : 'save-failed' };
  await planImportRepo.recordPublication(db, planId, { revision, packageId: signed.package.header.packageId, fileName: saved.fileName, at: createdAt });
  return { ok: true, revision, fileName: saved.fileName, units: units.length, keys: units.reduce((n, u) => n + u.publicKeys.length, 0) };
}
