// The fast signature path (native verifier after cheap checks, shared/crypto/ed25519.ts) gives the
// same verdict, with the same reason, as the full path (every point check, noble with
// zip215:false, then the native verifier): on the RFC 8032 and speccheck vectors, on crafted
// edge cases (R with a torsion component, mixed-order keys, S >= L, small-order R), on random
// valid and mutated signatures, and package by package on every committed fixture.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha512 } from '@noble/hashes/sha2.js';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  SMALL_ORDER_HEX, fromHex, nobleVerify, publicKeyProblem, sha256, toHex, verifyEd25519, verifyEd25519Full, webCryptoEd25519, type Ed25519Native,
} from '../../../../shared/crypto';
import { memoryAcceptedIndex, parseTrustFile, verifyPackage, type TrustRegistry, type VerifyContext, type VerifyResult } from '../../../../shared/packages';
import { canonicalPair } from '../../../../shared/packages/verify';
import { isJsonObject, parseStrictJson } from '../../../../shared/packages/json';
import { signingBytes } from '../../../../shared/packages/sign';
import { canonicalize, type JsonValue } from '../../../../shared/crypto/jcs';
import { nodeEd25519, nodeSha256 } from '../../../../electron/cli/nodeEd25519';
import { provenInPrimeSubgroup } from '../../../../shared/crypto/torsion';
import { hasLoneSurrogate, scanForLoneSurrogate } from '../../../../shared/crypto/jcs';
import { PLAN_ID, PLAN_PERIODS } from '../../../helpers/packages';

const FIX = 'tests/fixtures/packages';
const readJson = <T>(f: string) => JSON.parse(readFileSync(join(FIX, f), 'utf8')) as T;
const webCrypto = webCryptoEd25519() as Ed25519Native;
const NATIVES: [string, Ed25519Native][] = [['node:crypto', nodeEd25519], ['WebCrypto', webCrypto]];

const Point = ed25519.Point;
const L = (1n << 252n) + 27742317777372353535851937790883648493n;
const mod = (n: bigint, m: bigint) => ((n % m) + m) % m;
const le = (b: Uint8Array) => b.reduceRight((acc, x) => (acc << 8n) | BigInt(x), 0n);
const toLe = (n: bigint) => Uint8Array.from({ length: 32 }, (_, i) => Number((n >> BigInt(8 * i)) & 0xffn));
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
};

/** The 8 points of small order: the multiples of a point of order 8. */
const T8 = Point.fromBytes(fromHex('c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a')!);
const TORSION = Array.from({ length: 8 }, (_, i) => (i === 0 ? Point.ZERO : T8.multiplyUnsafe(BigInt(i))));

/** All verdicts for one input: both paths, with each native verifier and with none. */
async function verdicts(pub: Uint8Array, msg: Uint8Array, sig: Uint8Array) {
  const out: Record<string, unknown> = {};
  for (const [name, native] of NATIVES) {
    out[`full ${name}`] = await verifyEd25519Full(native, pub, msg, sig);
    out[`fast ${name}`] = await verifyEd25519(native, pub, msg, sig);
  }
  out['full noble'] = await verifyEd25519Full(null, pub, msg, sig);
  out['fast noble'] = await verifyEd25519(null, pub, msg, sig);
  return out;
}

async function expectOneVerdict(pub: Uint8Array, msg: Uint8Array, sig: Uint8Array, expected?: unknown): Promise<void> {
  const v = await verdicts(pub, msg, sig);
  const reference = v['full node:crypto'];
  for (const [path, verdict] of Object.entries(v)) {
    // noble alone may accept what a native verifier refuses (R with a torsion component): only the
    // native paths must equal each other; noble alone has its own (fast = full) agreement.
    if (path.endsWith('noble')) expect(verdict, path).toEqual(v['full noble']);
    else expect(verdict, `${path} on ${toHex(pub)} ${toHex(sig)}`).toEqual(reference);
  }
  if (expected !== undefined) expect(reference).toEqual(expected);
}

/** A signature whose R carries the torsion point T: noble (cofactored) accepts it, OpenSSL does not. */
function signWithTorsionR(seed: Uint8Array, msg: Uint8Array, t: (typeof TORSION)[number], nonce: bigint) {
  const { scalar, pointBytes } = ed25519.utils.getExtendedPublicKey(seed);
  const r = mod(nonce, L);
  const R = (r === 0n ? t : Point.BASE.multiply(r).add(t)).toBytes();
  const k = mod(le(sha512(concat(R, pointBytes, msg))), L);
  const s = mod(r + k * scalar, L);
  return { pub: pointBytes, sig: concat(R, toLe(s)) };
}

describe('the small-order list of the fast path', () => {
  it('is exactly the encodings (y < p) of the 8 points of order dividing 8', () => {
    const canonical = new Set(TORSION.map((p) => toHex(p.toBytes())));
    expect(canonical.size).toBe(8);
    for (const p of TORSION) expect(p.isSmallOrder()).toBe(true);
    for (const hex of SMALL_ORDER_HEX) {
      if (canonical.has(hex)) continue;
      // The other two: x = 0 with the sign bit set, refused by strict decoding.
      expect(() => Point.fromBytes(fromHex(hex)!, false), hex).toThrow();
      expect(Point.fromBytes(fromHex(hex)!, true).isSmallOrder()).toBe(true);
    }
    expect(SMALL_ORDER_HEX.filter((h) => canonical.has(h)).sort()).toEqual([...canonical].sort());
    expect(SMALL_ORDER_HEX).toHaveLength(10);
  });
});

describe('subgroup membership by halving (shared/crypto/torsion.ts)', () => {
  it('proves every point of the prime-order subgroup, and no point with a torsion component', () => {
    fc.assert(fc.property(fc.bigInt({ min: 1n, max: L - 1n }), fc.nat({ max: 7 }), (k, ti) => {
      const q = Point.BASE.multiply(k).add(TORSION[ti]!);
      if (q.isSmallOrder()) return;
      const proven = provenInPrimeSubgroup(q.toAffine().y);
      expect(proven).toBe(q.isTorsionFree());
      expect(proven).toBe(ti === 0);
    }), { numRuns: 400 });
  });
  it('proves no y that is not a point, and only y whose point (either sign of x) noble finds in the subgroup', () => {
    const P = (1n << 255n) - 19n;
    let points = 0;
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: P - 1n }), (y) => {
      const bytes = toLe(y);
      let q: InstanceType<typeof Point> | null = null;
      try { q = Point.fromBytes(bytes, false); } catch { q = null; }
      if (q) points += 1;
      expect(provenInPrimeSubgroup(y)).toBe(q !== null && !q.isSmallOrder() && q.isTorsionFree());
    }), { numRuns: 400 });
    expect(points).toBeGreaterThan(100); // about half of all y are points
  });
  it('every key of every coset, from its bytes: the same problem as noble alone finds', () => {
    const nobleProblem = (bytes: Uint8Array): string | null => {
      let q: InstanceType<typeof Point>;
      try { q = Point.fromBytes(bytes, false); } catch { return 'bad-public-key'; }
      if (q.isSmallOrder()) return 'small-order-key';
      return q.isTorsionFree() ? null : 'bad-public-key';
    };
    fc.assert(fc.property(fc.bigInt({ min: 1n, max: L - 1n }), fc.nat({ max: 7 }), fc.boolean(), (k, ti, flip) => {
      const bytes = Point.BASE.multiply(k).add(TORSION[ti]!).toBytes();
      if (flip) bytes[31]! ^= 0x80; // the other x: the same subgroup question
      expect(publicKeyProblem(bytes)).toBe(nobleProblem(bytes));
    }), { numRuns: 300 });
    fc.assert(fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (bytes) => {
      expect(publicKeyProblem(bytes)).toBe(nobleProblem(bytes));
    }), { numRuns: 300 });
    for (const hex of SMALL_ORDER_HEX) expect(publicKeyProblem(fromHex(hex)!)).toBe(nobleProblem(fromHex(hex)!));
  });
  it('gives no proof for small-order points or out-of-range y', () => {
    for (const t of TORSION) expect(provenInPrimeSubgroup(t.toAffine().y)).toBe(false);
    expect(provenInPrimeSubgroup(-5n)).toBe(false);
    expect(provenInPrimeSubgroup((1n << 255n) - 19n)).toBe(false);
  });
});

describe('fast path = full path', () => {
  it.each(readJson<{ cases: { name: string; public: string; message: string; signature: string }[] }>('rfc8032-vectors.json').cases)(
    'RFC 8032 §7.1 $name, and with one bit flipped', async (v) => {
      const [pk, msg, sig] = [fromHex(v.public)!, fromHex(v.message)!, fromHex(v.signature)!];
      await expectOneVerdict(pk, msg, sig, { ok: true });
      for (const bit of [0, 100, 255, 256, 300, 511]) {
        const bad = sig.slice(); bad[bit >> 3]! ^= 1 << (bit & 7);
        await expectOneVerdict(pk, msg, bad);
      }
    });

  const WHY = ['small-order-key', 'small-order-key', 'bad-public-key', 'bad-public-key', 'bad-public-key', 'bad-public-key', 's-not-reduced', 's-not-reduced', 'bad-public-key', 'bad-public-key', 'bad-public-key', 'bad-public-key'];
  it.each(readJson<{ cases: { n: number; msg: string; pub: string; sig: string }[] }>('ed25519-speccheck.json').cases)(
    'ed25519-speccheck case $n', async (c) => {
      await expectOneVerdict(fromHex(c.pub)!, fromHex(c.msg)!, fromHex(c.sig)!, { ok: false, why: WHY[c.n] });
    });

  it('WebCrypto is cofactorless like node:crypto: neither accepts the cofactored-only speccheck vectors 4 and 5', async () => {
    const cases = readJson<{ cases: { n: number; msg: string; pub: string; sig: string }[] }>('ed25519-speccheck.json').cases;
    for (const [, native] of NATIVES) {
      const says = await Promise.all(cases.map((c) => native.verify(fromHex(c.pub)!, fromHex(c.msg)!, fromHex(c.sig)!)));
      expect(says.map((x, i) => (x ? i : -1)).filter((i) => i >= 0)).toEqual([0, 1, 2, 3, 11]);
    }
  });

  it('R with a torsion component: noble accepts, native refuses, and so do both paths', async () => {
    const seed = sha256(new TextEncoder().encode('torsion R'));
    const msg = new TextEncoder().encode('a package');
    for (const [i, t] of TORSION.entries()) {
      const { pub, sig } = signWithTorsionR(seed, msg, t, 12345678901234567890n + BigInt(i));
      expect(nobleVerify(pub, msg, sig), `T${i}`).toBe(true);
      await expectOneVerdict(pub, msg, sig, i === 0 ? { ok: true } : { ok: false, why: 'invalid' });
      for (const [, native] of NATIVES) expect(await native.verify(pub, msg, sig)).toBe(i === 0);
    }
  });

  it('R of small order with a matching S (only the key holder can make one): refused on every path', async () => {
    // r = 0 gives R = T and S = k·a: with T the identity, native and noble both accept the
    // equation, and only the small-order-R rule refuses it; the fast path's pre-screen must too.
    const seed = sha256(new TextEncoder().encode('small R'));
    const msg = new TextEncoder().encode('a package');
    for (const [i, t] of TORSION.entries()) {
      const { pub, sig } = signWithTorsionR(seed, msg, t, 0n);
      if (i === 0) for (const [, native] of NATIVES) expect(await native.verify(pub, msg, sig)).toBe(true);
      await expectOneVerdict(pub, msg, sig, { ok: false, why: 'small-order-r' });
    }
  });

  const seedArb = fc.uint8Array({ minLength: 32, maxLength: 32 });
  const msgArb = fc.uint8Array({ maxLength: 200 });
  type Mutation = 'none' | 'bit' | 'message' | 'torsion-r' | 'torsion-key' | 's-plus-l' | 'small-r' | 'small-key' | 'random-r' | 'other-key';
  const mutationArb = fc.constantFrom<Mutation>('none', 'bit', 'message', 'torsion-r', 'torsion-key', 's-plus-l', 'small-r', 'small-key', 'random-r', 'other-key');

  it('on random signatures, valid and mutated', async () => {
    await fc.assert(fc.asyncProperty(seedArb, msgArb, mutationArb, fc.nat({ max: 511 }), fc.nat({ max: 7 }), fc.uint8Array({ minLength: 32, maxLength: 32 }),
      async (seed, msg, mutation, bit, ti, random) => {
        let pub: Uint8Array = ed25519.getPublicKey(seed);
        let sig: Uint8Array = ed25519.sign(msg, seed);
        let m: Uint8Array = msg;
        const t = TORSION[ti === 0 ? 1 : ti]!;
        switch (mutation) {
          case 'none': break;
          case 'bit': sig = sig.slice(); sig[bit >> 3]! ^= 1 << (bit & 7); break;
          case 'message': m = concat(msg, Uint8Array.of(bit & 0xff)); break;
          case 'torsion-r': ({ pub, sig } = signWithTorsionR(seed, msg, t, le(random))); break;
          case 'torsion-key': pub = Point.fromBytes(pub).add(t).toBytes(); break;
          case 's-plus-l': sig = concat(sig.subarray(0, 32), toLe(le(sig.subarray(32)) + L)); break;
          case 'small-r': sig = concat(fromHex(SMALL_ORDER_HEX[bit % SMALL_ORDER_HEX.length]!)!, sig.subarray(32)); break;
          case 'small-key': pub = fromHex(SMALL_ORDER_HEX[bit % SMALL_ORDER_HEX.length]!)!; break;
          case 'random-r': sig = concat(random, sig.subarray(32)); break;
          case 'other-key': pub = ed25519.getPublicKey(random); break;
        }
        await expectOneVerdict(pub, m, sig, mutation === 'none' ? { ok: true } : undefined);
      }), { numRuns: 300 });
  });
});

describe('verifyPackage: fast (node:crypto, WebCrypto) = full (noble alone) on every committed fixture', () => {
  type Case = { file: string; expected: string; trust?: boolean; plan?: boolean; accepted?: string[]; maxBytes?: number; children?: string[] };
  const manifest = readJson<Case[]>('manifest.json');
  const read = (f: string) => new Uint8Array(readFileSync(join(FIX, f)));
  let trust: TrustRegistry;
  beforeAll(() => {
    const t = parseTrustFile(read('TRUST.json'));
    if (!t.ok) throw new Error(t.error);
    trust = t.registry;
  });

  async function contextFor(c: Case, extra: Partial<VerifyContext>): Promise<VerifyContext> {
    const ctx: VerifyContext = { ...extra };
    if (c.trust) ctx.trust = trust;
    if (c.plan) ctx.plan = { id: PLAN_ID, periods: PLAN_PERIODS };
    if (c.maxBytes) ctx.limits = { maxBytes: c.maxBytes };
    if (c.accepted) {
      const index = memoryAcceptedIndex();
      for (const f of c.accepted) {
        const r = await verifyPackage(read(f), extra);
        index.add({ unitId: r.header!.unitId, planId: r.header!.planId, period: r.header!.period },
          { packageId: r.header!.packageId, sequence: r.header!.sequence, contentHash: r.contentHash!, bytesHash: r.bytesHash });
      }
      ctx.accepted = index;
    }
    return ctx;
  }
  const summary = (r: VerifyResult): unknown => ({
    reason: r.reason, detail: r.detail, kind: r.kind, keyId: r.keyId, contentHash: r.contentHash, bytesHash: r.bytesHash,
    supersedes: r.supersedes, flags: r.flags, children: r.children?.map(summary),
  });

  it.each(manifest)('$file', async (c) => {
    const bytes = read(c.file);
    const full = await verifyPackage(bytes, await contextFor(c, {}));
    expect(full.reason).toBe(c.expected);
    for (const extra of [{ native: nodeEd25519, sha256: nodeSha256 }, { native: nodeEd25519 }, { native: webCrypto }] satisfies Partial<VerifyContext>[]) {
      const fast = await verifyPackage(bytes, await contextFor(c, extra));
      expect(summary(fast)).toEqual(summary(full));
    }
  });
});

describe('lone surrogates: the native isWellFormed answer equals the portable scan', () => {
  it('on random UTF-16 strings rich in surrogates', () => {
    const unit = fc.oneof(fc.integer({ min: 0xd800, max: 0xdfff }), fc.integer({ min: 0, max: 0xffff }), fc.constantFrom(0x41, 0xe9));
    fc.assert(fc.property(fc.array(unit, { maxLength: 12 }), (units) => {
      const s = String.fromCharCode(...units);
      expect(hasLoneSurrogate(s)).toBe(scanForLoneSurrogate(s));
    }), { numRuns: 2000 });
  });
});

describe('children of a consolidated package: one canonicalisation gives both forms', () => {
  const whole = (v: unknown) => { const c = canonicalize(v); return c.ok ? c.text : null; };
  const text = (b: Uint8Array | null | undefined) => (b ? new TextDecoder().decode(b) : null);
  it('on the committed consolidated fixtures', () => {
    const manifest = readJson<{ file: string }[]>('manifest.json');
    let seen = 0;
    for (const { file } of manifest) {
      const parsed = parseStrictJson(new Uint8Array(readFileSync(join(FIX, file))));
      if (!parsed.ok || !isJsonObject(parsed.value) || parsed.value.kind !== 'consolidated') continue;
      const children = (parsed.value.payload as { children?: unknown } | undefined)?.children;
      if (!Array.isArray(children)) continue;
      for (const child of children) {
        const pair = canonicalPair(child);
        expect(text(pair?.whole)).toBe(whole(child));
        expect(text(pair?.signed)).toBe(text(signingBytes(child)));
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(2);
  });
  it('on random objects with and without a signature value', () => {
    const sigArb = fc.oneof(fc.record({ alg: fc.string(), keyId: fc.string(), value: fc.string() }), fc.record({ alg: fc.string() }), fc.jsonValue());
    fc.assert(fc.property(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })), sigArb, fc.boolean(), (base, sig, withSig) => {
      const child = JSON.parse(JSON.stringify(withSig ? { ...base, signature: sig } : base)) as JsonValue;
      const pair = canonicalPair(child);
      expect(text(pair?.whole)).toBe(whole(child));
      expect(text(pair?.signed)).toBe(text(signingBytes(child)));
    }), { numRuns: 500 });
  });
});
