import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyRotation, buildConsolidatedPackage, buildKeysPackage, judgeKey, memoryAcceptedIndex, parseStrictJson, parseTrustFile,
  reasonMessage, REASONS, revokeKey, sanitizeForDisplay, serializeTrust, signingBytes, signRotation, TRUST_ERRORS, trustErrorMessage, verifyPackage, type Package, type VerifyContext,
} from '../../../../shared/packages';
import { nodeEd25519 } from '../../../../electron/cli/nodeEd25519';
import { PLAN_ID, PLAN_PERIODS, aReport, signed, signedBy, testKey, trustFor } from '../../../helpers/packages';

const p1 = testKey('phuong-1');
const p2 = testKey('phuong-2');
const ctx: VerifyContext = { native: nodeEd25519 };

describe('strict JSON', () => {
  it.each([
    ['{"a":1}', true], ['{"a":1,"a":2}', false], ['{"\\u0061":1,"a":2}', false], ['{"__proto__":1}', false], ['[-0]', false], ['[0]', true],
    ['[-0.0]', false], ['[01]', false], ['[.5]', false], ['[1.]', false], ['[1e-400]', false], ['[1e400]', false], ['[9007199254740991]', true],
    ['[9007199254740992]', false], ['[NaN]', false], ['[Infinity]', false], ['{"a":"\\ud800"}', false], ['{"a":"\\ud83d\\ude00"}', true],
    ['{"a":"\u0001"}', false], ['{"a":1} x', false], ['{"a":1}\u0000', false], ['\ufeff{}', false], ['{}', true], ['', false], [' [1 , 2 ] ', true],
  ])('%s -> %s', (text, ok) => expect(parseStrictJson(new TextEncoder().encode(text)).ok).toBe(ok));
  it('allows 64 levels and refuses 65', () => {
    expect(parseStrictJson(new TextEncoder().encode('['.repeat(64) + ']'.repeat(64))).ok).toBe(true);
    expect(parseStrictJson(new TextEncoder().encode('['.repeat(65) + ']'.repeat(65))).ok).toBe(false);
  });
  it('builds null-prototype objects', () => {
    const r = parseStrictJson(new TextEncoder().encode('{"a":{}}'));
    expect(r.ok && Object.getPrototypeOf(r.value)).toBeNull();
  });
});

describe('verifyPackage', () => {
  it('never throws and is never ok on arbitrary bytes', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (b) => { expect((await verifyPackage(b)).reason).not.toBe('ok'); }), { numRuns: 300 });
    for (const v of [null, undefined, 'text', 42, {}, [], new Uint16Array(4)]) expect((await verifyPackage(v)).reason).toBe('malformed');
  });

  it('sign then verify is always ok; any single byte change is never ok', async () => {
    await fc.assert(fc.asyncProperty(fc.string(), fc.integer({ min: 1, max: 1e6 }), fc.nat(), fc.integer({ min: 1, max: 255 }), async (narrative, sequence, pos, flip) => {
      const { bytes } = await signed(aReport({ unit: 'phuong-1', sequence, narrative }), p1);
      expect((await verifyPackage(bytes, ctx)).reason).toBe('ok');
      const t = bytes.slice();
      t[pos % t.length]! ^= flip;
      expect((await verifyPackage(t, ctx)).reason).not.toBe('ok');
    }), { numRuns: 60 });
  });

  it('is independent of member order and whitespace; any changed field is never ok', async () => {
    const { bytes, package: pkg } = await signed(aReport({ unit: 'phuong-1' }), p1);
    const reorder = (v: unknown): unknown => Array.isArray(v) ? v.map(reorder)
      : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reorder(x)])) : v;
    const again = new TextEncoder().encode(JSON.stringify(reorder(JSON.parse(new TextDecoder().decode(bytes))), null, 3));
    expect((await verifyPackage(again, ctx)).reason).toBe('ok');
    const edits: ((p: Package<'report'>) => void)[] = [
      (p) => { p.header.sequence += 1; }, (p) => { p.header.unitId = 'phuong-2' as never; }, (p) => { p.header.period = '2024-06' as never; },
      (p) => { p.payload.entries[0]!.percent = 61; }, (p) => { p.payload.narrative += ' '; }, (p) => { (p.payload as Record<string, unknown>).extra = 1; },
    ];
    for (const edit of edits) {
      const copy = structuredClone(pkg);
      edit(copy);
      expect((await verifyPackage(new TextEncoder().encode(JSON.stringify(copy)), ctx)).reason).toBe('bad-signature');
    }
  });

  it('a 100 MB file is too-large without being read as a package', async () => {
    const big = new Uint8Array(100 * 1024 * 1024).fill(0x20);
    big.set(new TextEncoder().encode('{"format":"planbook/package","kind":"consolidated","payload":{"children":[{},{},{},{}]},"x":"'));
    const t0 = Date.now();
    expect((await verifyPackage(big, ctx)).reason).toBe('too-large');
    expect((await verifyPackage(big, { ...ctx, limits: { maxConsolidatedBytes: 50 * 1024 * 1024 } })).reason).toBe('too-large');
    expect(Date.now() - t0).toBeLessThan(20_000);
  });

  it('a consolidated package may be 20 MiB per child plus 20 MiB', async () => {
    const a = await signed(aReport({ unit: 'phuong-1', narrative: 'x'.repeat(600) }), p1);
    const b = await signed(aReport({ unit: 'phuong-2', narrative: 'y'.repeat(600) }), p2);
    const c = await signed(buildConsolidatedPackage({ unitId: 'thanh-pho', planId: PLAN_ID, planRevision: 1, period: '2024-05', sequence: 1, createdAt: '2024-06-20T00:00:00Z' },
      [a.package, b.package], { units: [] }), testKey('thanh-pho'));
    const maxBytes = Math.max(a.bytes.length, b.bytes.length) + 1; // each child fits...
    expect(c.bytes.length).toBeGreaterThan(maxBytes); // ...the whole does not, but is under 3 x maxBytes
    expect(c.bytes.length).toBeLessThan(3 * maxBytes);
    expect((await verifyPackage(c.bytes, { ...ctx, limits: { maxBytes } })).reason).toBe('ok');
    expect((await verifyPackage(c.bytes, { ...ctx, limits: { maxBytes: Math.floor(c.bytes.length / 3) - 1 } })).reason).toBe('too-large');
  });

  it('a stolen key signing sequence 2^53-1 is accepted only while trusted, flagged; after revocation and a new key the real packages pass again', async () => {
    const trust = trustFor([p1]);
    const index = memoryAcceptedIndex();
    const first = await signed(aReport({ unit: 'phuong-1', sequence: 3 }), p1);
    const r1 = await verifyPackage(first.bytes, { ...ctx, trust, accepted: index });
    index.add({ unitId: 'phuong-1', planId: PLAN_ID, period: '2024-05' }, { packageId: 'a', sequence: 3, contentHash: r1.contentHash! });
    const stolen = await signed(aReport({ unit: 'phuong-1', sequence: Number.MAX_SAFE_INTEGER, createdAt: '2024-06-11T00:00:00Z' }), p1);
    const rs = await verifyPackage(stolen.bytes, { ...ctx, trust, accepted: index });
    expect(rs.reason).toBe('ok');
    expect(rs.flags).toContain('sequence-jump');
    expect((await verifyPackage(stolen.bytes, { ...ctx, trust: trustFor([p2]) })).reason).toBe('unknown-key');
    // The officer revokes the stolen key from before the theft and rotates; the accepted index is
    // per key generation (the stolen package is dropped from it when the key is revoked).
    const next = testKey('phuong-1-2025', 'phuong-1');
    const rotation = await signRotation(buildKeysPackage({ unitId: 'phuong-1', sequence: 2, createdAt: '2024-06-10T12:00:00Z', validFrom: '2024-06-10T12:00:00Z', publicKey: next.publicKey, replaces: p1.keyId }), signedBy(p1), signedBy(next));
    if (!rotation.ok) throw new Error(rotation.error);
    const rotated = applyRotation(trust, rotation.package.payload, p1.keyId, '2024-06-12T00:00:00Z', { by: 'proof' });
    expect(rotated.ok).toBe(true);
    if (!rotated.ok) return;
    expect((await verifyPackage(stolen.bytes, { ...ctx, trust: rotated.registry })).reason).toBe('revoked-key');
    const real = await signed(aReport({ unit: 'phuong-1', sequence: 4, createdAt: '2024-06-13T00:00:00Z' }), next);
    expect((await verifyPackage(real.bytes, { ...ctx, trust: rotated.registry, plan: { id: PLAN_ID, periods: PLAN_PERIODS } })).reason).toBe('ok');
  });

  it('trust: revocation time decides; TRUST.json round-trips', async () => {
    const trust = trustFor([p1, p2]);
    expect(judgeKey(trust, p1.keyId, 'phuong-1', '2024-06-10T00:00:00Z')).toBe('ok');
    expect(judgeKey(trust, p1.keyId, 'phuong-2', '2024-06-10T00:00:00Z')).toBe('wrong-unit');
    const revoked = revokeKey(trust, p1.keyId, '2024-06-01T00:00:00Z');
    expect(revoked.ok && judgeKey(revoked.registry, p1.keyId, 'phuong-1', '2024-05-31T23:59:59Z')).toBe('ok');
    expect(revoked.ok && judgeKey(revoked.registry, p1.keyId, 'phuong-1', '2024-06-01T00:00:00Z')).toBe('revoked-key');
    const text = serializeTrust(trust);
    const back = parseTrustFile(new TextEncoder().encode(text));
    expect(back.ok && serializeTrust(back.registry)).toBe(text);
  });

  it('signed bytes exclude only signature.value', async () => {
    const { package: pkg } = await signed(aReport({ unit: 'phuong-1' }), p1);
    const text = new TextDecoder().decode(signingBytes(pkg)!);
    expect(text).toContain(`"signature":{"alg":"Ed25519","keyId":"${p1.keyId}","publicKey":"${p1.publicKeyB64}"}`);
  });
});

describe('messages and display', () => {
  it('every reason has a Vietnamese and an English message', () => {
    for (const r of REASONS) {
      expect(reasonMessage(r, 'vi').length).toBeGreaterThan(5);
      expect(reasonMessage(r, 'en')).not.toBe(reasonMessage(r, 'vi'));
    }
  });
  it('every trust outcome code has a Vietnamese and an English message, none of them the bare code', () => {
    const vi = new Set<string>();
    for (const code of TRUST_ERRORS) {
      const [textVi, textEn] = [trustErrorMessage(code, 'vi'), trustErrorMessage(code, 'en')];
      expect(textVi.length).toBeGreaterThan(10);
      expect(textEn.length).toBeGreaterThan(10);
      expect(textVi).not.toBe(textEn);
      expect(textVi).not.toContain(code);
      expect(textVi).toMatch(/[ăâđêôơưàáạảãèéẹẻẽìíịỉĩòóọỏõùúụủũỳýỵỷỹ]/iu); // Vietnamese, with its marks
      vi.add(textVi);
    }
    expect(vi.size).toBe(TRUST_ERRORS.length); // one text per code
    expect(trustErrorMessage('key-of-other-unit')).toBe(trustErrorMessage('key-of-other-unit', 'vi'));
  });
  it('escapes bidi overrides and zero-width characters, keeps Vietnamese', () => {
    expect(sanitizeForDisplay('Phường\u202Egpj.exe')).toBe('Phường<U+202E>gpj.exe');
    expect(sanitizeForDisplay('Thắng\u200BTam\uFEFF')).toBe('Thắng<U+200B>Tam<U+FEFF>');
    expect(sanitizeForDisplay('Phường Thắng Tam'.normalize('NFD'))).toBe('Phường Thắng Tam'.normalize('NFD'));
  });
});
