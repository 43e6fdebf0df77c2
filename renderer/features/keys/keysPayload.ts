// The payload of a verified `keys` package, re-read from the very bytes that were verified (a
// received row keeps the bytes, not the parsed package). Its own module so that both the intake
// (keysIntake.ts) and the trust acts (trustRepo.ts) read it without importing each other.
import { isJsonObject, parseStrictJson, type KeysPayload } from '../../../shared/packages';
import type { UnitId } from '../../../shared/model/ids';

export function keysPayloadOf(bytes: Uint8Array): KeysPayload | null {
  const parsed = parseStrictJson(bytes);
  if (!parsed.ok || !isJsonObject(parsed.value) || parsed.value.kind !== 'keys') return null;
  const p = parsed.value.payload;
  if (!isJsonObject(p) || typeof p.unitId !== 'string' || typeof p.publicKey !== 'string' || typeof p.validFrom !== 'string') return null;
  const payload: KeysPayload = { unitId: p.unitId as UnitId, publicKey: p.publicKey, validFrom: p.validFrom };
  if (typeof p.replaces === 'string') payload.replaces = p.replaces;
  // The new key's proof: verifyPackage checked it (the package is `ok`), so here its presence is what counts.
  if (typeof p.newKeySignature === 'string') payload.newKeySignature = p.newKeySignature;
  return payload;
}
