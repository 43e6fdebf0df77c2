// Generates tests/fixtures/packages/ (valid packages of each kind, one file per rejection reason,
// hostile inputs) and its manifest.json. Everything is deterministic: test keys from fixed seeds,
// fixed dates, Ed25519 signatures are deterministic, key files with fixed salt and iv. The test
// tests/unit/core/packages/fixtures.test.ts regenerates and compares; to rewrite the files:
//   PLANBOOK_WRITE_FIXTURES=1 npx vitest run tests/unit/core/packages/fixtures.test.ts
import { encryptKey } from '../../electron/cli/keyfile';
import { toHex } from '../../shared/crypto/encoding';
import {
  buildConsolidatedPackage, buildKeysPackage, buildReceiptPackage, serializeTrust, signPackage, signRotation, type Reason, type UnsignedPackage,
} from '../../shared/packages';
import { PLAN_ID, aPlan, aReport, signed, signedBy, testKey, trustFor, type TestKey } from './packages';
import { hostileFixtures } from './packageFixtures.hostile';

export type FixtureCase = {
  file: string;
  expected: Reason;
  /** Verify with TRUST.json / the plan context / an index holding these files as accepted. */
  trust?: boolean;
  plan?: boolean;
  accepted?: string[];
  children?: Reason[];
  /** Verify with this limits.maxBytes instead of 20 MiB. */
  maxBytes?: number;
  note: string;
};
export type FixtureSet = { files: Map<string, Uint8Array>; manifest: FixtureCase[] };

export const KEY_PASSPHRASE = 'planbook-test';
export const KEYS: Record<string, TestKey> = {
  p1: testKey('phuong-1'), p2: testKey('phuong-2'), p3: testKey('phuong-3'), city: testKey('thanh-pho'),
  mallory: testKey('mallory', 'phuong-1'), p1next: testKey('phuong-1-2025', 'phuong-1'),
};
export const REVOKED_AT = { 'phuong-3': '2024-03-01T00:00:00Z' };
const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

export async function generatePackageFixtures(): Promise<FixtureSet> {
  const files = new Map<string, Uint8Array>();
  const manifest: FixtureCase[] = [];
  const put = (file: string, bytes: Uint8Array | string) => files.set(file, typeof bytes === 'string' ? enc(bytes) : bytes);
  const add = (c: FixtureCase, bytes?: Uint8Array | string) => { if (bytes !== undefined) put(c.file, bytes); manifest.push(c); };
  const { p1, p2, p3, city, mallory, p1next } = KEYS as Required<typeof KEYS>;

  // Keys: seeds in hex (test only), and phuong-1's encrypted key file for `planbook sign`.
  for (const k of [p1!, p2!, p3!, city!, mallory!, p1next!]) {
    put(`keys/${k.unitId}${k === mallory ? '.mallory' : k === p1next ? '.2025' : ''}.seed.json`,
      `${JSON.stringify({ unitId: k.unitId, seedHex: toHex(k.secretKey), publicKey: k.publicKeyB64, keyId: k.keyId }, null, 2)}\n`);
  }
  put('keys/phuong-1.key', `${JSON.stringify(encryptKey(p1!.secretKey, 'phuong-1', KEY_PASSPHRASE, { salt: new Uint8Array(16).fill(1), iv: new Uint8Array(12).fill(2), N: 2 ** 14 }), null, 2)}\n`);
  put('TRUST.json', serializeTrust(trustFor([p1!, p2!, p3!, city!], REVOKED_AT)));

  // Valid packages of each kind.
  const report = await signed(aReport({ unit: 'phuong-1', period: '2024-05', sequence: 5 }), p1!);
  const report2 = await signed(aReport({ unit: 'phuong-2', period: '2024-05', sequence: 1, narrative: 'Phường 2 báo cáo.' }), p2!);
  const plan = await signed(aPlan([p1!, p2!, city!]), city!);
  const consolidated = await signed(buildConsolidatedPackage(
    { unitId: 'thanh-pho', planId: PLAN_ID, planRevision: 1, period: '2024-05', sequence: 1, createdAt: '2024-06-20T08:00:00Z' },
    [report.package, report2.package],
    { units: [{ id: 'phuong-1' as never, name: 'Phường Thắng Tam', parentId: 'thanh-pho' as never }, { id: 'phuong-2' as never, name: 'Phường 2', parentId: 'thanh-pho' as never }] },
  ), city!);
  const enrolment = await signed(buildKeysPackage({ unitId: 'phuong-1', sequence: 1, createdAt: '2024-01-02T08:00:00Z', validFrom: '2024-01-02T08:00:00Z', publicKey: p1!.publicKey }), p1!);
  const rotation = await signed(buildKeysPackage({ unitId: 'phuong-1', sequence: 2, createdAt: '2025-01-02T08:00:00Z', validFrom: '2025-01-02T08:00:00Z', publicKey: p1next!.publicKey, replaces: p1!.keyId }), p1!);
  // The same rotation signed by both keys (issue 3): payload.newKeySignature by the new key.
  const proven = await signRotation(buildKeysPackage({ unitId: 'phuong-1', sequence: 3, createdAt: '2025-01-02T08:00:00Z', validFrom: '2025-01-02T08:00:00Z', publicKey: p1next!.publicKey, replaces: p1!.keyId }), signedBy(p1!), signedBy(p1next!));
  if (!proven.ok) throw new Error(proven.error);
  const receipt = await signed(buildReceiptPackage({ unitId: 'thanh-pho', planId: PLAN_ID, planRevision: 1, period: '2024-05', sequence: 1, createdAt: '2024-06-12T09:00:00Z' }, [
    { packageId: report.package.header.packageId, unitId: 'phuong-1' as never, period: '2024-05' as never, sequence: 5, reason: 'ok', receivedAt: '2024-06-12T08:59:00Z',
      review: { state: 'returned', comments: [{ itemId: 'vt-2024.t1' as never, text: 'Bổ sung số liệu học viên.' }] } },
  ]), city!);
  add({ file: 'valid/report.json', expected: 'ok', trust: true, plan: true, note: 'report of phuong-1, 2024-05, sequence 5' }, report.bytes);
  add({ file: 'valid/report-phuong-2.json', expected: 'ok', trust: true, plan: true, note: 'report of phuong-2' }, report2.bytes);
  add({ file: 'valid/plan.json', expected: 'ok', trust: true, plan: true, note: 'plan vt-2024 by thanh-pho, unit list with keys' }, plan.bytes);
  add({ file: 'valid/consolidated.json', expected: 'ok', trust: true, plan: true, children: ['ok', 'ok'], note: 'city consolidation of both reports' }, consolidated.bytes);
  add({ file: 'valid/keys-enrolment.json', expected: 'ok', note: 'self-enrolment of phuong-1 (no trust needed to verify)' }, enrolment.bytes);
  add({ file: 'valid/keys-rotation.json', expected: 'ok', trust: true, note: 'phuong-1 rotates to a 2025 key, signed by the old key' }, rotation.bytes);
  add({ file: 'valid/keys-rotation-proven.json', expected: 'ok', trust: true, note: 'the rotation signed by the old key, with payload.newKeySignature by the new key' }, proven.bytes);
  add({ file: 'valid/receipt.json', expected: 'ok', trust: true, plan: true, note: 'city receipt for phuong-1 report, returned with a comment' }, receipt.bytes);
  put('valid/report-unsigned.json', JSON.stringify(aReport({ unit: 'phuong-1', period: '2024-06', sequence: 1 }), null, 2));

  // One file per rejection reason, then the hostile list.
  for (const [c, bytes] of await reasonFixtures(report)) add(c, bytes);
  for (const [c, bytes] of await hostileFixtures({ report, consolidated, keys: KEYS })) add(c, bytes);
  put('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  return { files, manifest };
}

type Signed = { package: { header: { sequence: number } }; bytes: Uint8Array };

async function reasonFixtures(report: Signed): Promise<[FixtureCase, Uint8Array | undefined][]> {
  const { p1, p2, p3, mallory } = KEYS as Required<typeof KEYS>;
  const r = (file: string, expected: Reason, note: string, extra: Partial<FixtureCase> = {}): FixtureCase => ({ file: `reasons/${file}`, expected, note, ...extra });
  const text = dec(report.bytes);
  const out: [FixtureCase, Uint8Array | undefined][] = [];
  out.push([r('malformed.json', 'malformed', 'duplicate member "kind"'), enc(text.replace('{', '{"kind":"report",'))]);
  out.push([r('too-large.json', 'too-large', 'a valid report over the 1 KiB limit this case sets', { maxBytes: 1024 }), report.bytes]);
  const v2 = await signPackage({ ...aReport({ unit: 'phuong-1' }), formatVersion: 2 } as unknown as UnsignedPackage, signedBy(p1!));
  out.push([r('unsupported-version.json', 'unsupported-version', 'formatVersion 2'), v2.ok ? v2.bytes : undefined]);
  out.push([r('bad-signature.json', 'bad-signature', 'narrative edited after signing'), enc(text.replace('báo cáo tiến độ tháng', 'báo cáo tiến độ quý'))]);
  out.push([r('unknown-key.json', 'unknown-key', 'signed by a key not in TRUST.json', { trust: true }), (await signed(aReport({ unit: 'phuong-1' }), mallory!)).bytes]);
  out.push([r('unknown-key-before-valid-from.json', 'unknown-key', 'phuong-1 key valid from 2024-01-01, package created 1 ms before', { trust: true }),
    (await signed(aReport({ unit: 'phuong-1', createdAt: '2023-12-31T23:59:59.999Z' }), p1!)).bytes]);
  out.push([r('revoked-key.json', 'revoked-key', 'phuong-3 key revoked 2024-03-01, package created 2024-06-10', { trust: true }), (await signed(aReport({ unit: 'phuong-3' }), p3!)).bytes]);
  out.push([r('wrong-unit.json', 'wrong-unit', "phuong-2's key signs a report naming phuong-1", { trust: true }), (await signed(aReport({ unit: 'phuong-1' }), p2!)).bytes]);
  out.push([r('wrong-plan.json', 'wrong-plan', 'report for plan other-plan', { trust: true, plan: true }), (await signed(aReport({ unit: 'phuong-1', planId: 'other-plan' }), p1!)).bytes]);
  out.push([r('unknown-period.json', 'unknown-period', 'period 2023-05 is not in plan vt-2024', { trust: true, plan: true }), (await signed(aReport({ unit: 'phuong-1', period: '2023-05' }), p1!)).bytes]);
  const acc = { trust: true, plan: true, accepted: ['valid/report.json'] };
  out.push([r('stale.json', 'stale', 'sequence 4 after 5 was accepted', acc), (await signed(aReport({ unit: 'phuong-1', sequence: 4 }), p1!)).bytes]);
  out.push([r('conflict.json', 'conflict', 'sequence 5 again, other content', acc), (await signed(aReport({ unit: 'phuong-1', sequence: 5, narrative: 'Nội dung khác.' }), p1!)).bytes]);
  out.push([r('duplicate.json', 'duplicate', 'the accepted report, pretty-printed: same signed content, other bytes', acc), enc(JSON.stringify(JSON.parse(text), null, 2))]);
  out.push([{ file: 'valid/report.json', expected: 'duplicate', note: 'the same bytes twice', ...acc }, undefined]);
  out.push([r('newer.json', 'ok', 'sequence 6 supersedes 5', acc), (await signed(aReport({ unit: 'phuong-1', sequence: 6 }), p1!)).bytes]);
  return out;
}
