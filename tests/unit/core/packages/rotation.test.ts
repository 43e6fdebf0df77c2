// Issue 3: a rotation signed by the old key AND the new key (payload.newKeySignature), and a key's
// validFrom honoured by the trust judgement. Verdicts are checked with the native verifier and with
// noble alone (one verdict on every platform).
import { describe, expect, it } from 'vitest';
import {
  addKey, applyRotation, buildKeysPackage, emptyTrust, explainKey, judgeKey, rotationProofBytes, signingBytes, signPackage, signRotation,
  trustFromPlanUnits, verifyPackage, type Package, type Signer, type UnsignedPackage, type VerifyContext,
} from '../../../../shared/packages';
import { formatFingerprint } from '../../../../shared/crypto/hash';
import { toBase64url } from '../../../../shared/crypto/encoding';
import { nodeEd25519 } from '../../../../electron/cli/nodeEd25519';
import { aPlanPayload, aReport, signed, signedBy, testKey, trustFor } from '../../../helpers/packages';

const p1 = testKey('phuong-1');
const next = testKey('phuong-1-2025', 'phuong-1');
const mallory = testKey('mallory', 'phuong-1');
const VALID_FROM = '2025-01-02T08:00:00Z';
const CONTEXTS: [string, VerifyContext][] = [['native', { native: nodeEd25519 }], ['noble', {}]];
const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));

const unsignedRotation = (over: { validFrom?: string; createdAt?: string } = {}): UnsignedPackage<'keys'> => buildKeysPackage({
  unitId: 'phuong-1', sequence: 2, createdAt: over.createdAt ?? VALID_FROM, validFrom: over.validFrom ?? VALID_FROM, publicKey: next.publicKey, replaces: p1.keyId,
});

async function proven(unsigned = unsignedRotation(), newSigner: Signer = signedBy(next)) {
  const r = await signRotation(unsigned, signedBy(p1), newSigner);
  if (!r.ok) throw new Error(r.error);
  return r;
}
const reasonOf = async (bytes: Uint8Array, ctx: VerifyContext) => (await verifyPackage(bytes, ctx)).reason;

describe('rotation proof (payload.newKeySignature)', () => {
  it('signRotation: the new key signs the package without signature.value and without the proof; the old key signs it all', async () => {
    const r = await proven();
    const pkg = r.package;
    expect(pkg.signature.keyId).toBe(p1.keyId);
    expect(pkg.payload.newKeySignature).toMatch(/^[A-Za-z0-9_-]{86}$/u);
    const proofText = new TextDecoder().decode(rotationProofBytes(pkg)!);
    expect(proofText).not.toContain('newKeySignature');
    expect(proofText).not.toContain(pkg.signature.value);
    expect(proofText).toContain(`"signature":{"alg":"Ed25519","keyId":"${p1.keyId}","publicKey":"${p1.publicKeyB64}"}`);
    // The proof is exactly the new key's signature over those bytes (Ed25519 is deterministic)...
    expect(pkg.payload.newKeySignature).toBe(toBase64url(await signedBy(next).sign(rotationProofBytes(pkg)!)));
    // ...and the old key's envelope signature covers the proof.
    expect(new TextDecoder().decode(signingBytes(pkg)!)).toContain(`"newKeySignature":"${pkg.payload.newKeySignature}"`);
  });

  it('signRotation refuses signers that are not the payload\'s keys', async () => {
    expect(await signRotation(unsignedRotation(), signedBy(mallory), signedBy(next))).toEqual({ ok: false, error: 'key-mismatch' });
    expect(await signRotation(unsignedRotation(), signedBy(p1), signedBy(mallory))).toEqual({ ok: false, error: 'key-mismatch' });
  });

  it.each(CONTEXTS)('%s: with a valid proof, ok; verified with trust, then applied automatically', async (_n, ctx) => {
    const r = await proven();
    const trust = trustFor([p1]);
    const v = await verifyPackage(r.bytes, { ...ctx, trust });
    expect(v.reason).toBe('ok');
    const applied = applyRotation(trust, (v.package as Package<'keys'>).payload, v.keyId!, '2025-01-03T00:00:00Z', { by: 'proof' });
    expect(applied.ok).toBe(true);
    if (!applied.ok) return;
    expect(applied.registry.keys.find((k) => k.keyId === next.keyId)).toMatchObject({ unitId: 'phuong-1', source: 'rotation', validFrom: VALID_FROM, revokedAt: null });
    expect(applied.registry.keys.find((k) => k.keyId === p1.keyId)?.revokedAt).toBe(VALID_FROM);
    // The new key's first packages pass from the rotation's own validFrom on; the old key's stop there.
    const first = await signed(aReport({ unit: 'phuong-1', createdAt: VALID_FROM }), next);
    expect(await reasonOf(first.bytes, { ...ctx, trust: applied.registry })).toBe('ok');
    const early = await signed(aReport({ unit: 'phuong-1', createdAt: '2025-01-02T07:59:59.999Z' }), next);
    expect(await reasonOf(early.bytes, { ...ctx, trust: applied.registry })).toBe('unknown-key');
    const oldLate = await signed(aReport({ unit: 'phuong-1', createdAt: VALID_FROM }), p1);
    expect(await reasonOf(oldLate.bytes, { ...ctx, trust: applied.registry })).toBe('revoked-key');
    const oldBefore = await signed(aReport({ unit: 'phuong-1', createdAt: '2025-01-02T07:59:59.999Z' }), p1);
    expect(await reasonOf(oldBefore.bytes, { ...ctx, trust: applied.registry })).toBe('ok');
  });

  it.each(CONTEXTS)('%s: a proof by another key than the new one is bad-signature', async (_n, ctx) => {
    const r = await proven(unsignedRotation(), { publicKey: next.publicKey, sign: (b) => signedBy(mallory).sign(b) });
    const v = await verifyPackage(r.bytes, { ...ctx, trust: trustFor([p1]) });
    expect(v.reason).toBe('bad-signature');
    expect(v.detail).toContain('newKeySignature');
  });

  it.each(CONTEXTS)('%s: a tampered proof is bad-signature, even when the old key signs the whole again', async (_n, ctx) => {
    const r = await proven();
    const proof = r.package.payload.newKeySignature!;
    // Another valid encoding of 64 bytes: the first character changed.
    const flipped = `${proof[0] === 'A' ? 'B' : 'A'}${proof.slice(1)}`;
    const edited = structuredClone(r.package);
    edited.payload.newKeySignature = flipped;
    expect(await reasonOf(enc(edited), ctx)).toBe('bad-signature'); // the envelope no longer holds
    const { value: _v, ...sig } = edited.signature;
    const resigned = await signPackage({ ...edited, signature: sig }, signedBy(p1));
    expect(resigned.ok && (await verifyPackage(resigned.bytes, ctx)).detail).toContain('newKeySignature');
    // A proof made for other content (another validFrom) does not carry over.
    const other = await proven(unsignedRotation({ validFrom: '2025-02-01T00:00:00Z' }));
    const { value: _w, ...sig2 } = r.package.signature;
    const moved = await signPackage({ ...r.package, signature: sig2, payload: { ...r.package.payload, newKeySignature: other.package.payload.newKeySignature! } }, signedBy(p1));
    expect(moved.ok && (await reasonOf(moved.bytes, ctx))).toBe('bad-signature');
    // Not a signature at all: malformed, like a bad signature.value encoding.
    const junk = await signPackage({ ...r.package, signature: sig2, payload: { ...r.package.payload, newKeySignature: 'not-base64url!' } }, signedBy(p1));
    expect(junk.ok && (await reasonOf(junk.bytes, ctx))).toBe('malformed');
  });

  it.each(CONTEXTS)('%s: without a proof the rotation still verifies ok, but is not applied automatically; the officer\'s fingerprint applies it', async (_n, ctx) => {
    const r = await signed(unsignedRotation(), p1);
    expect(r.package.payload.newKeySignature).toBeUndefined();
    const trust = trustFor([p1]);
    expect(await reasonOf(r.bytes, { ...ctx, trust })).toBe('ok');
    expect(applyRotation(trust, r.package.payload, p1.keyId, '2025-01-03T00:00:00Z', { by: 'proof' })).toEqual({ ok: false, error: 'rotation-unproven' });
    expect(applyRotation(trust, r.package.payload, p1.keyId, '2025-01-03T00:00:00Z', { by: 'officer', typed: formatFingerprint(p1.keyId) }))
      .toEqual({ ok: false, error: 'fingerprint-mismatch' }); // the OLD key's fingerprint is not the new key's
    const applied = applyRotation(trust, r.package.payload, p1.keyId, '2025-01-03T00:00:00Z', { by: 'officer', typed: formatFingerprint(next.keyId).toLowerCase() });
    expect(applied.ok && applied.registry.keys.map((k) => [k.keyId, k.source, k.revokedAt])).toEqual([[p1.keyId, 'manual', VALID_FROM], [next.keyId, 'rotation', null]]);
  });

  it('a proven rotation is still refused when the old key is not trusted for the unit at the new validFrom', async () => {
    const r = await proven();
    expect(applyRotation(emptyTrust(), r.package.payload, p1.keyId, 'x', { by: 'proof' })).toEqual({ ok: false, error: 'not-trusted' });
    expect(applyRotation(trustFor([p1], { 'phuong-1': '2024-12-01T00:00:00Z' }), r.package.payload, p1.keyId, 'x', { by: 'proof' })).toEqual({ ok: false, error: 'not-trusted' });
    expect(applyRotation(trustFor([p1]), r.package.payload, mallory.keyId, 'x', { by: 'proof' })).toEqual({ ok: false, error: 'not-trusted' });
  });

  it('an enrolment may carry the proof too: it must hold', async () => {
    const enrol = buildKeysPackage({ unitId: 'phuong-1', sequence: 1, createdAt: VALID_FROM, validFrom: VALID_FROM, publicKey: next.publicKey });
    const draft = { ...enrol, signature: { alg: 'Ed25519' as const, keyId: next.keyId, publicKey: next.publicKeyB64 } };
    const good = await signPackage({ ...draft, payload: { ...draft.payload, newKeySignature: toBase64url(await signedBy(next).sign(rotationProofBytes(draft)!)) } }, signedBy(next));
    const bad = await signPackage({ ...draft, payload: { ...draft.payload, newKeySignature: toBase64url(await signedBy(mallory).sign(rotationProofBytes(draft)!)) } }, signedBy(next));
    expect(good.ok && (await reasonOf(good.bytes, { native: nodeEd25519 }))).toBe('ok');
    expect(bad.ok && (await reasonOf(bad.bytes, { native: nodeEd25519 }))).toBe('bad-signature');
  });
});

describe('validFrom', () => {
  const trust = trustFor([p1]); // validFrom 2024-01-01T00:00:00Z

  it('exactly at validFrom is ok; one millisecond before is unknown-key, with the reason in the detail', async () => {
    expect(judgeKey(trust, p1.keyId, 'phuong-1', '2024-01-01T00:00:00Z')).toBe('ok');
    expect(judgeKey(trust, p1.keyId, 'phuong-1', '2024-01-01T00:00:00.000Z')).toBe('ok');
    expect(judgeKey(trust, p1.keyId, 'phuong-1', '2024-01-01T07:00:00+07:00')).toBe('ok'); // the same instant
    expect(judgeKey(trust, p1.keyId, 'phuong-1', '2023-12-31T23:59:59.999Z')).toBe('unknown-key');
    expect(judgeKey(trust, p1.keyId, 'phuong-1', '2024-01-01T06:59:59.999+07:00')).toBe('unknown-key');
    expect(explainKey(trust, p1.keyId, 'phuong-1', '2023-12-31T23:59:59.999Z').detail).toContain("before the key's validFrom 2024-01-01T00:00:00Z");
    for (const [name, ctx] of CONTEXTS) {
      const at = await signed(aReport({ unit: 'phuong-1', createdAt: '2024-01-01T00:00:00Z' }), p1);
      const before = await signed(aReport({ unit: 'phuong-1', createdAt: '2023-12-31T23:59:59.999Z' }), p1);
      expect(await reasonOf(at.bytes, { ...ctx, trust }), name).toBe('ok');
      const v = await verifyPackage(before.bytes, { ...ctx, trust });
      expect([v.reason, v.detail.includes('validFrom')], name).toEqual(['unknown-key', true]);
    }
  });

  it('wrong-unit and revoked-key keep their meaning; a key not yet valid is unknown-key before it could be revoked', () => {
    expect(judgeKey(trust, p1.keyId, 'phuong-2', '2023-06-01T00:00:00Z')).toBe('wrong-unit');
    const revoked = trustFor([p1], { 'phuong-1': '2024-03-01T00:00:00Z' });
    expect(judgeKey(revoked, p1.keyId, 'phuong-1', '2023-06-01T00:00:00Z')).toBe('unknown-key');
    expect(judgeKey(revoked, p1.keyId, 'phuong-1', '2024-02-01T00:00:00Z')).toBe('ok');
    expect(judgeKey(revoked, p1.keyId, 'phuong-1', '2024-03-01T00:00:00Z')).toBe('revoked-key');
  });

  it('keys from plan packages with validFrom null are valid at any time', async () => {
    const units = aPlanPayload([p1]).units.map((u) => ({ ...u, publicKeys: u.publicKeys.map((k) => ({ ...k, validFrom: null })) }));
    const plan = trustFromPlanUnits(units);
    expect(plan.keys[0]).toMatchObject({ validFrom: null, source: 'plan' });
    expect(judgeKey(plan, p1.keyId, 'phuong-1', '1970-01-01T00:00:00Z')).toBe('ok');
    const old = await signed(aReport({ unit: 'phuong-1', createdAt: '2001-01-01T00:00:00Z' }), p1);
    expect(await reasonOf(old.bytes, { native: nodeEd25519, trust: plan })).toBe('ok');
    // Two entries of one key for one unit cannot exist (addKey is idempotent per keyId), so the
    // earliest validFrom is the key's.
    const again = addKey(plan, { unitId: 'phuong-1' as never, publicKey: p1.publicKeyB64, validFrom: '2030-01-01T00:00:00Z', revokedAt: null, source: 'manual', addedAt: null });
    expect(again.ok && again.registry).toBe(plan);
  });
});
