import { webCryptoEd25519 } from '../../../shared/crypto/webcrypto';
import type { PlanDocument } from '../../../shared/model/plan';
import { isJsonObject, parseStrictJson, reasonMessage, verifyPackage, type Lang, type Package } from '../../../shared/packages';
import { parsePlanDocument } from '../../../shared/plans/planSchema';
import { readTranscribedPlan } from '../../../shared/plans/transcribed';
import type { Directory } from '../../../shared/units/directory';
import type { PickedFile } from '../../../shared/platform/contract';
import type { PlanUnit } from '../../../shared/model/units';
import type { PlanBookDb } from '../../db/database';
import type { PlanRecord } from '../../db/records';
import { plansRepo } from './plansRepo';
import { backupBefore } from '../backup/service';

export type PlanFileResult =
  | { ok: true; doc: PlanDocument; source: 'package' | 'transcribed'; keyId: string | null; signed?: SignedPlanFacts }
  | { ok: false; problem: 'not-json' | 'rejected' | 'not-a-plan' | 'invalid'; detail: string };

/** Who signed a plan package and the unit keys it lists (their trust is the officer's act: features/keys). */
export type SignedPlanFacts = { issuer: { unitId: string; keyId: string; publicKey: string }; units: PlanUnit[] };

/**
 * Reads a plan file: a signed `plan` package (verified first: signature, schema, limits), or a
 * transcribed plan of the kind shipped in resources/plans. Nothing is stored here.
 */
export async function readPlanFile(file: PickedFile, directory: Directory, lang: Lang): Promise<PlanFileResult> {
  const json = parseStrictJson(file.bytes);
  if (!json.ok) return { ok: false, problem: 'not-json', detail: json.error };
  if (isJsonObject(json.value) && json.value.format === 'planbook/package') {
    const v = await verifyPackage(file.bytes, { native: webCryptoEd25519() });
    if (v.reason !== 'ok') return { ok: false, problem: 'rejected', detail: reasonMessage(v.reason, lang) };
    if (v.kind !== 'plan' || !v.package) return { ok: false, problem: 'not-a-plan', detail: v.kind ?? '' };
    const doc = parsePlanDocument(v.package.payload);
    const issuer = { unitId: v.package.header.unitId, keyId: v.package.signature.keyId, publicKey: v.package.signature.publicKey };
    const units = (v.package as Package<'plan'>).payload.units;
    return doc.ok ? { ok: true, doc: doc.doc, source: 'package', keyId: v.keyId, signed: { issuer, units } } : { ok: false, problem: 'invalid', detail: doc.errors.slice(0, 3).join('; ') };
  }
  const t = readTranscribedPlan(json.value, directory);
  return t.ok ? { ok: true, doc: t.doc, source: 'transcribed', keyId: null } : { ok: false, problem: 'invalid', detail: t.errors.slice(0, 3).join('; ') };
}

/** Installs a plan read from a file, after an automatic backup; the plan lands whole or not at all. */
export async function installPlan(db: PlanBookDb, doc: PlanDocument, source: PlanRecord['source']): Promise<void> {
  await backupBefore(db, 'before-plan');
  await plansRepo.install(db, doc, source);
}
