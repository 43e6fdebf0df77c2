import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalize, formatFingerprint, fromBase64url, fromHex, keyIdOf, nobleVerify, normaliseFingerprint, publicKeyOf,
  signWithSecretKey, toBase32, toBase64url, toHex, verifyEd25519, webCryptoEd25519, probeWebCryptoEd25519,
} from '../../../../shared/crypto';
import { nodeEd25519 } from '../../../../electron/cli/nodeEd25519';

const FIX = 'tests/fixtures/packages';
const readJson = <T>(f: string) => JSON.parse(readFileSync(join(FIX, f), 'utf8')) as T;

describe('encodings', () => {
  it('base64url round-trips and has one spelling', () => fc.assert(fc.property(fc.uint8Array({ maxLength: 70 }), (b) => {
    const t = toBase64url(b);
    expect(t).toBe(Buffer.from(b).toString('base64url'));
    expect(toHex(fromBase64url(t)!)).toBe(toHex(b));
  })));
  it('base64url refuses padding, the standard alphabet and non-zero spare bits', () => {
    for (const bad of ['AA==', 'a+b/', 'AB', 'A', ' AAA']) expect(fromBase64url(bad), bad).toBeNull();
  });
  it('base32 follows RFC 4648 test vectors (no padding)', () => {
    const v: [string, string][] = [['', ''], ['f', 'MY'], ['fo', 'MZXQ'], ['foo', 'MZXW6'], ['foob', 'MZXW6YQ'], ['fooba', 'MZXW6YTB'], ['foobar', 'MZXW6YTBOI']];
    for (const [i, o] of v) expect(toBase32(new TextEncoder().encode(i))).toBe(o);
  });
  it('keyId is 26 base32 characters of SHA-256(public key)[0..16]; fingerprints read in groups of 4', () => {
    const pub = fromHex('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a')!;
    const id = keyIdOf(pub);
    expect(id).toMatch(/^[A-Z2-7]{26}$/u);
    expect(id).toBe(toBase32(new Uint8Array(createHash('sha256').update(pub).digest()).subarray(0, 16)));
    expect(formatFingerprint(id).split(' ').map((g) => g.length)).toEqual([4, 4, 4, 4, 4, 4, 2]);
    expect(normaliseFingerprint(formatFingerprint(id).toLowerCase().replace(/ /gu, '-'))).toBe(id);
  });
});

describe('JCS (RFC 8785)', () => {
  it.each(readdirSync(join(FIX, 'jcs/input')))('matches the published vector %s', (f) => {
    // JSON.parse, not the package parser: values.json holds 1E30, which packages refuse (beyond 2^53).
    const c = canonicalize(JSON.parse(readFileSync(join(FIX, 'jcs/input', f), 'utf8')));
    expect(c.ok && c.text).toBe(readFileSync(join(FIX, 'jcs/output', f), 'utf8'));
  });
  it('formats numbers as RFC 8785 Appendix B says', () => {
    for (const [hex, expected] of readJson<{ cases: [string, string | null][] }>('rfc8785-numbers.json').cases) {
      const n = new DataView(fromHex(hex)!.buffer).getFloat64(0);
      const c = canonicalize(n);
      expect(c.ok ? c.text : null, hex).toBe(expected);
    }
  });
  it('sorts members by UTF-16 code units (RFC 8785 §3.2.3 example)', () => {
    const c = canonicalize({ '\u20ac': 1, '\r': 2, '\ufb33': 3, '1': 4, '\ud83d\ude00': 5, '\u0080': 6, '\u00f6': 7 });
    expect(c.ok && c.text).toBe('{"\\r":2,"1":4,"\u0080":6,"\u00f6":7,"\u20ac":1,"\ud83d\ude00":5,"\ufb33":3}');
  });
  it('refuses lone surrogates in strings and member names, NaN, Infinity and non-JSON values', () => {
    for (const bad of ['\ud800', 'a\udc00b', { '\ud83d': 1 }, NaN, Infinity, -Infinity, undefined, 1n, () => 1, new Date(0)])
      expect(canonicalize(bad).ok, String(bad)).toBe(false);
  });
  it('is JSON.parse-stable and ignores member order', () => fc.assert(fc.property(fc.jsonValue(), (v) => {
    const c = canonicalize(v);
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    expect(canonicalize(JSON.parse(c.text)).ok && canonicalize(JSON.parse(c.text))).toEqual(c);
    const reversed = JSON.parse(JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).reverse()) : x)));
    expect(canonicalize(reversed)).toEqual(c);
  })));
});

type Vector = { name: string; secret: string; public: string; message: string; signature: string };
const webCrypto = webCryptoEd25519()!;

describe('Ed25519', () => {
  it.each(readJson<{ cases: Vector[] }>('rfc8032-vectors.json').cases)('RFC 8032 §7.1 $name: noble, node:crypto and WebCrypto agree', async (v) => {
    const [sk, pk, msg, sig] = [fromHex(v.secret)!, fromHex(v.public)!, fromHex(v.message)!, fromHex(v.signature)!];
    expect(toHex(publicKeyOf(sk))).toBe(v.public);
    expect(toHex(signWithSecretKey(sk, msg))).toBe(v.signature);
    expect(nobleVerify(pk, msg, sig)).toBe(true);
    expect(await nodeEd25519.verify(pk, msg, sig)).toBe(true);
    expect(await webCrypto.verify(pk, msg, sig)).toBe(true);
    expect(await verifyEd25519(nodeEd25519, pk, msg, sig)).toEqual({ ok: true });
    expect(await verifyEd25519(webCrypto, pk, msg, sig)).toEqual({ ok: true });
    const bad = sig.slice(); bad[10]! ^= 1;
    expect((await verifyEd25519(nodeEd25519, pk, msg, bad)).ok).toBe(false);
  });

  it('WebCrypto Ed25519 is detected in this runtime', async () => {
    expect(await probeWebCryptoEd25519()).not.toBeNull();
  });

  // Where verifiers disagree: node (OpenSSL) accepts 0, 1, 2, 3, 11; noble strict accepts 2, 3, 4, 5.
  // Our verdict refuses all 12: none has a canonical prime-order key with a sound signature.
  const speccheck = readJson<{ cases: { n: number; msg: string; pub: string; sig: string }[] }>('ed25519-speccheck.json').cases;
  const WHY = ['small-order-key', 'small-order-key', 'bad-public-key', 'bad-public-key', 'bad-public-key', 'bad-public-key', 's-not-reduced', 's-not-reduced', 'bad-public-key', 'bad-public-key', 'bad-public-key', 'bad-public-key'];
  it.each(speccheck)('speccheck case $n: one verdict on every platform (refused)', async (c) => {
    const [m, p, s] = [fromHex(c.msg)!, fromHex(c.pub)!, fromHex(c.sig)!];
    const viaNode = await verifyEd25519(nodeEd25519, p, m, s);
    const viaWeb = await verifyEd25519(webCrypto, p, m, s);
    const alone = await verifyEd25519(null, p, m, s);
    expect(viaNode).toEqual({ ok: false, why: WHY[c.n] });
    expect(viaWeb).toEqual(viaNode);
    expect(alone).toEqual(viaNode);
  });
  it('the platforms really do disagree on those vectors (why both must accept)', async () => {
    const nodeSays = await Promise.all(speccheck.map((c) => nodeEd25519.verify(fromHex(c.pub)!, fromHex(c.msg)!, fromHex(c.sig)!)));
    const nobleSays = speccheck.map((c) => nobleVerify(fromHex(c.pub)!, fromHex(c.msg)!, fromHex(c.sig)!));
    expect(nodeSays.map((x, i) => (x ? i : -1)).filter((i) => i >= 0)).toEqual([0, 1, 2, 3, 11]);
    expect(nobleSays.map((x, i) => (x ? i : -1)).filter((i) => i >= 0)).toEqual([2, 3, 4, 5]);
  });
});

describe('documented test vectors (docs/package-format.md)', () => {
  it('keyId of the RFC 8032 TEST 1 public key', () => {
    expect(keyIdOf(fromHex('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a')!)).toBe('EH7DDX5BKSRGCYTL7BKAI36SE4');
  });
  it('the phuong-1 test key and its enrolment signature', () => {
    const seed = fromHex('7983c60bb7b09854fec8f849971e26713b939e0876f71c61037187bd349355b5')!;
    const pub = publicKeyOf(seed);
    expect(toBase64url(pub)).toBe('ZUHPbwmE7Bf_tOZuOJ3pHs-Wwa8Mn38mMfyrLWu_jLk');
    expect(keyIdOf(pub)).toBe('EKZFI5BYUBFQST4OZSO444KYTU');
    const signedText = '{"format":"planbook/package","formatVersion":1,"header":{"app":"planbook 0.1.0","createdAt":"2024-01-02T08:00:00Z","packageId":"keys:phuong-1:-:-:1","period":null,"planId":null,"planRevision":null,"sequence":1,"unitId":"phuong-1"},"kind":"keys","payload":{"publicKey":"ZUHPbwmE7Bf_tOZuOJ3pHs-Wwa8Mn38mMfyrLWu_jLk","unitId":"phuong-1","validFrom":"2024-01-02T08:00:00Z"},"signature":{"alg":"Ed25519","keyId":"EKZFI5BYUBFQST4OZSO444KYTU","publicKey":"ZUHPbwmE7Bf_tOZuOJ3pHs-Wwa8Mn38mMfyrLWu_jLk"}}';
    expect(toBase64url(signWithSecretKey(seed, new TextEncoder().encode(signedText))))
      .toBe('hrZ1Hte3gB2P_Yotk33iKDJ5WFyfff6uEdCzUJkgoHs52aqrH9jaGREGU6Fha2jrwaywJ51KNQz0Sa82-uSrDQ');
  });
});
