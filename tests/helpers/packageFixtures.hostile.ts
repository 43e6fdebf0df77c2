// The hostile inputs of issue 3 ("Bad input"), each with its expected reason. Files stay small;
// the 100 MB file is made in memory by the test, never committed.
import { fromBase64url, toBase64url } from '../../shared/crypto/encoding';
import { keyIdOf } from '../../shared/crypto/hash';
import { buildConsolidatedPackage, buildKeysPackage, signPackage, signRotation, type Package, type Reason, type UnsignedPackage } from '../../shared/packages';
import { aReport, signed, signedBy, PLAN_ID, type TestKey } from './packages';
import type { FixtureCase } from './packageFixtures';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);
const L = (1n << 252n) + 27742317777372353535851937790883648493n;

type Input = { report: { package: Package<'report'>; bytes: Uint8Array }; consolidated: { package: Package<'consolidated'>; bytes: Uint8Array }; keys: Record<string, TestKey> };

export async function hostileFixtures({ report, consolidated, keys }: Input): Promise<[FixtureCase, Uint8Array][]> {
  const { p1, p2, city, mallory, p1next } = keys as Required<typeof keys>;
  const text = dec(report.bytes);
  const out: [FixtureCase, Uint8Array][] = [];
  const h = (file: string, expected: Reason, note: string, bytes: Uint8Array | string, extra: Partial<FixtureCase> = {}) =>
    out.push([{ file: `hostile/${file}`, expected, note, ...extra }, typeof bytes === 'string' ? enc(bytes) : bytes]);
  /** Re-signs a report object edited as JSON text (the edit keeps it signable). */
  const resignText = async (edited: string, by: TestKey = p1!) => {
    const doc = JSON.parse(edited) as Record<string, unknown>;
    delete doc.signature;
    const r = await signPackage(doc as unknown as UnsignedPackage, signedBy(by));
    if (!r.ok) throw new Error(r.error);
    return r.bytes;
  };

  h('truncated.json', 'malformed', 'the first half of a valid report', report.bytes.slice(0, report.bytes.length >> 1));
  h('not-json.txt', 'malformed', 'plain text', 'Báo cáo tháng 5: xem tệp đính kèm.\n');
  h('bom.json', 'malformed', 'UTF-8 byte order mark before a valid report', new Uint8Array([0xef, 0xbb, 0xbf, ...report.bytes]));
  const utf16 = new Uint8Array(2 + text.length * 2);
  utf16.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) { utf16[2 + 2 * i] = text.charCodeAt(i) & 0xff; utf16[3 + 2 * i] = text.charCodeAt(i) >> 8; }
  h('utf16.json', 'malformed', 'the report saved as UTF-16LE with BOM', utf16);
  h('invalid-utf8.json', 'malformed', 'overlong encoding C0 AF inside a string', new Uint8Array([...enc(text.slice(0, 40)), 0xc0, 0xaf, ...enc(text.slice(40))]));
  h('encoded-surrogate.json', 'malformed', 'UTF-8 encoded surrogate ED A0 80', new Uint8Array([...enc(text.slice(0, 40)), 0xed, 0xa0, 0x80, ...enc(text.slice(40))]));
  h('duplicate-keys.json', 'malformed', 'header given twice', text.replace('"header":', '"header":{},"header":'));
  h('duplicate-keys-escaped.json', 'malformed', '"k\\u0069nd" duplicates "kind" after unescaping', text.replace('{', '{"k\\u0069nd":"plan",'));
  h('proto.json', 'malformed', '__proto__ member in the payload', text.replace('"payload":{', '"payload":{"__proto__":{"isAdmin":true},'));
  h('proto-escaped.json', 'malformed', '"\\u005f_proto__" is __proto__', text.replace('"payload":{', '"payload":{"\\u005f_proto__":{},'));
  h('constructor.json', 'malformed', 'constructor member', text.replace('"header":{', '"header":{"constructor":{"prototype":{}},'));
  h('prototype.json', 'malformed', 'prototype member', text.replace('"header":{', '"header":{"prototype":1,'));
  h('deep-10000.json', 'malformed', '10,000 nested arrays', text.replace('"narrative":', `"deep":${'['.repeat(10000)}${']'.repeat(10000)},"narrative":`));
  h('deep-65.json', 'malformed', 'nesting 65 levels (the limit is 64)', `${'['.repeat(65)}${']'.repeat(65)}`);
  h('wrong-format.json', 'malformed', 'format planbook/pkg, signed', await resignText(text.replace('"planbook/package"', '"planbook/pkg"')));
  h('format-version-2.json', 'unsupported-version', 'formatVersion 2, signed', await resignText(text.replace('"formatVersion":1', '"formatVersion":2')));
  h('alg-unknown.json', 'unsupported-version', 'signature alg X509-GOV (a future algorithm)', text.replace('"alg":"Ed25519"', '"alg":"X509-GOV"'));
  const noSig = JSON.parse(text) as Record<string, unknown>;
  delete noSig.signature;
  h('missing-signature.json', 'malformed', 'no signature block', JSON.stringify(noSig));
  h('missing-signature-value.json', 'malformed', 'signature without value (unsigned)', text.replace(/,"value":"[^"]+"/u, ''));
  const other = await signed(aReport({ unit: 'phuong-1', sequence: 99, narrative: 'Khác' }), p1!);
  h('signature-of-other-bytes.json', 'bad-signature', 'value copied from another package of the same key', text.replace(/"value":"[^"]+"/u, `"value":"${other.package.signature.value}"`));
  const byMallory = await signed(aReport({ unit: 'phuong-1', sequence: 5 }), mallory!);
  h('signature-wrong-key.json', 'bad-signature', "signed by another key, phuong-1's key in the block", text.replace(/"value":"[^"]+"/u, `"value":"${byMallory.package.signature.value}"`));
  h('public-key-swapped.json', 'bad-signature', "mallory's public key and keyId, phuong-1's signature",
    text.replace(p1!.publicKeyB64, mallory!.publicKeyB64).replace(p1!.keyId, mallory!.keyId));
  h('keyid-mismatch.json', 'bad-signature', 'keyId of another key', text.replace(p1!.keyId, p2!.keyId));
  h('key-of-other-unit.json', 'wrong-unit', "phuong-2's trusted key signs for phuong-1", (await signed(aReport({ unit: 'phuong-1' }), p2!)).bytes, { trust: true });
  const stolen = await signed(aReport({ unit: 'phuong-1', sequence: Number.MAX_SAFE_INTEGER }), p1!);
  h('sequence-max.json', 'ok', 'a trusted key signs sequence 2^53-1: accepted, flagged as a jump', stolen.bytes, { trust: true, plan: true, accepted: ['valid/report.json'] });
  h('sequence-beyond-2-53.json', 'malformed', 'sequence 9007199254740993 (beyond 2^53)', text.replace('"sequence":5', '"sequence":9007199254740993'));
  h('nan.json', 'malformed', 'NaN as a number', text.replace('"percent":60', '"percent":NaN'));
  h('infinity.json', 'malformed', 'Infinity as a number', text.replace('"percent":60', '"percent":Infinity'));
  h('number-overflow.json', 'malformed', '1e400 would be Infinity', text.replace('"percent":60', '"percent":1e400'));
  h('number-underflow.json', 'malformed', '1e-400 would silently be 0', text.replace('"percent":60', '"percent":1e-400'));
  h('negative-zero.json', 'malformed', '-0', text.replace('"percent":60', '"percent":-0'));
  h('leading-zero.json', 'malformed', '060', text.replace('"percent":60', '"percent":060'));
  h('leading-dot.json', 'malformed', '.5', text.replace('"percent":60', '"percent":.5'));
  h('lone-surrogate.json', 'malformed', '\\ud800 alone in the narrative', text.replace('"narrative":"', '"narrative":"\\ud800'));
  h('trailing-garbage.json', 'malformed', 'text after the package', `${text}\nxin chào`);
  h('nul-padding.json', 'malformed', 'NUL bytes after the package (unfinished USB write)', new Uint8Array([...report.bytes, ...new Uint8Array(4096)]));
  h('concatenated.json', 'malformed', 'two packages in one file', `${text}${text}`);
  h('huge-array.json', 'malformed', '150,000 numbers in payload.entries (longest array allowed: 100,000)', text.replace('"entries":[', `"entries":[${'0,'.repeat(150000)}`));
  // NFC and NFD spell "Thắng Tam" with different code points: both verify, and stay different.
  h('nfc.json', 'ok', 'narrative in NFC', (await signed(aReport({ unit: 'phuong-1', sequence: 7, narrative: 'Phường Thắng Tam'.normalize('NFC') }), p1!)).bytes, { trust: true, plan: true });
  h('nfd.json', 'ok', 'the same narrative in NFD: other bytes, other content, still verifies', (await signed(aReport({ unit: 'phuong-1', sequence: 7, narrative: 'Phường Thắng Tam'.normalize('NFD') }), p1!)).bytes, { trust: true, plan: true });
  // Ed25519 edge cases: a small-order key with S = 0 (accepted by OpenSSL and noble's default), S + L.
  const identity = new Uint8Array(32); identity[0] = 1;
  const small = text.replace(p1!.publicKeyB64, toBase64url(identity)).replace(p1!.keyId, keyIdOf(identity))
    .replace(/"value":"[^"]+"/u, `"value":"${toBase64url(new Uint8Array([...identity, ...new Uint8Array(32)]))}"`);
  h('small-order-key.json', 'bad-signature', 'public key of small order (identity), R = identity, S = 0', small);
  const sig = fromBase64url(report.package.signature.value)!;
  let s = 0n; for (let i = 63; i >= 32; i--) s = (s << 8n) | BigInt(sig[i]!);
  s += L; const big = sig.slice(); for (let i = 32; i < 64; i++) { big[i] = Number(s & 0xffn); s >>= 8n; }
  h('s-not-reduced.json', 'bad-signature', 'S + L: the same signature, malleated', text.replace(/"value":"[^"]+"/u, `"value":"${toBase64url(big)}"`));
  // Consolidated packages: one tampered child; one child of another plan.
  const ctext = dec(consolidated.bytes);
  const tamperedChildren = JSON.parse(ctext.replace('báo cáo tiến độ tháng', 'báo cáo đã sửa')) as Package<'consolidated'>;
  h('consolidated-tampered-child.json', 'bad-signature', 'city re-signed, but the phuong-1 child was edited',
    (await signed(buildConsolidatedPackage({ unitId: 'thanh-pho', planId: PLAN_ID, planRevision: 1, period: '2024-05', sequence: 2, createdAt: '2024-06-20T08:00:00Z' },
      tamperedChildren.payload.children, tamperedChildren.payload.summary), city!)).bytes, { trust: true, plan: true, children: ['bad-signature', 'ok'] });
  const foreign = await signed(aReport({ unit: 'phuong-2', planId: 'other-plan' }), p2!);
  h('consolidated-foreign-child.json', 'wrong-plan', 'a child of plan other-plan inside a vt-2024 consolidation',
    (await signed(buildConsolidatedPackage({ unitId: 'thanh-pho', planId: PLAN_ID, planRevision: 1, period: '2024-05', sequence: 3, createdAt: '2024-06-20T08:00:00Z' },
      [report.package, foreign.package], consolidated.package.payload.summary), city!)).bytes, { trust: true, plan: true, children: ['ok', 'wrong-plan'] });
  h('rotation-signed-by-new-key.json', 'bad-signature', 'a rotation must be signed by the key it replaces',
    (await signed(buildKeysPackage({ unitId: 'phuong-1', sequence: 3, createdAt: '2025-01-02T08:00:00Z', validFrom: '2025-01-02T08:00:00Z', publicKey: p1next!.publicKey, replaces: p1!.keyId }), p1next!)).bytes);
  // A rotation whose newKeySignature is by another key (mallory) than the new key, re-signed by the old key.
  const wrongProof = await signRotation(buildKeysPackage({ unitId: 'phuong-1', sequence: 5, createdAt: '2025-01-02T08:00:00Z', validFrom: '2025-01-02T08:00:00Z', publicKey: p1next!.publicKey, replaces: p1!.keyId }),
    signedBy(p1!), { publicKey: p1next!.publicKey, sign: (b) => signedBy(mallory!).sign(b) });
  if (!wrongProof.ok) throw new Error(wrongProof.error);
  h('rotation-bad-proof.json', 'bad-signature', 'a rotation whose newKeySignature is not by the new key (the old key signed it all)', wrongProof.bytes);
  h('enrolment-of-small-order-key.json', 'malformed', 'enrolling a small-order key',
    (await signed(buildKeysPackage({ unitId: 'phuong-1', sequence: 4, createdAt: '2025-01-02T08:00:00Z', validFrom: '2025-01-02T08:00:00Z', publicKey: identity, replaces: p1!.keyId }), p1!)).bytes);
  return out;
}
