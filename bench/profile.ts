// Where the time of verifyPackage goes, stage by stage, single-threaded, on the benchmark's ward
// packages (bench/generate.ts). Not part of `npm run bench`; run it when changing verification:
//   npx esbuild bench/profile.ts --bundle --platform=node --format=esm --outfile=dist/bench/profile.mjs \
//     --banner:js="import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" \
//     && node dist/bench/profile.mjs [N]
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '../shared/crypto/hash';
import { canonicalize } from '../shared/crypto/jcs';
import { fromBase64url } from '../shared/crypto/encoding';
import { nobleVerify, verifyEd25519, verifyEd25519Full } from '../shared/crypto/ed25519';
import { envelopeSchema, payloadSchemas } from '../shared/packages/schema';
import { parseStrictJson } from '../shared/packages/json';
import { signingBytes } from '../shared/packages/sign';
import { verifyPackage } from '../shared/packages/verify';
import { provenInPrimeSubgroup } from '../shared/crypto/torsion';
import { nodeEd25519, nodeSha256 } from '../electron/cli/nodeEd25519';
import { generateBenchData } from './generate';

const n = Number(process.argv[2] ?? '300');
const root = mkdtempSync(join(tmpdir(), 'planbook-profile-'));
const data = await generateBenchData(root, n);
const files = readdirSync(data.dir).map((f) => new Uint8Array(readFileSync(join(data.dir, f))));
rmSync(root, { recursive: true, force: true });

type Doc = { signature: { publicKey: string; value: string }; payload: unknown; kind: 'report' };
const docs = files.map((b) => (parseStrictJson(b) as { ok: true; value: unknown }).value as Doc);
const signed = docs.map((d) => signingBytes(d) as Uint8Array);
const keys = docs.map((d) => fromBase64url(d.signature.publicKey) as Uint8Array);
const sigs = docs.map((d) => fromBase64url(d.signature.value) as Uint8Array);

/** Best of `runs` passes over all packages (after a warm-up pass over a few): noise only adds time. */
async function stage(name: string, f: (i: number) => unknown, runs = 3): Promise<void> {
  for (let i = 0; i < Math.min(20, n); i++) await f(i); // warm up the JIT
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await f(i);
    best = Math.min(best, (performance.now() - t0) / n);
  }
  process.stdout.write(`${name.padEnd(52)} ${best.toFixed(3)} ms per package\n`);
}

process.stdout.write(`${n} packages of ${Math.round(data.bytes / n)} bytes\n`);
// First, while no key has been checked yet (a merge sees each ward's key once): one pass only.
await stage('verifyPackage, node:crypto, each key new', (i) => verifyPackage(files[i], { native: nodeEd25519, sha256: nodeSha256 }), 1);
await stage('verifyPackage, node:crypto, keys seen before', (i) => verifyPackage(files[i], { native: nodeEd25519, sha256: nodeSha256 }));
await stage('verifyPackage, noble only (the full path)', (i) => verifyPackage(files[i], {}));
await stage('strict parse (UTF-8 + parser)', (i) => parseStrictJson(files[i] as Uint8Array));
await stage('strict parse + signed bytes cut out (canonical file)', (i) => parseStrictJson(files[i] as Uint8Array, undefined, true));
await stage('JSON.parse (floor)', (i) => JSON.parse(new TextDecoder().decode(files[i])));
await stage('zod envelope + payload', (i) => { envelopeSchema.safeParse(docs[i]); payloadSchemas.report.safeParse(docs[i]?.payload); });
await stage('JCS of the signed part (files not canonical only)', (i) => canonicalize(docs[i]));
await stage('signingBytes (JCS + UTF-8)', (i) => signingBytes(docs[i]));
await stage('noble SHA-256 x2 (file, signed)', (i) => { sha256(files[i] as Uint8Array); sha256(signed[i] as Uint8Array); });
await stage('node SHA-256 x2 (file, signed)', (i) => { nodeSha256(files[i] as Uint8Array); nodeSha256(signed[i] as Uint8Array); });
await stage('node createHash x2 (reference)', (i) => { createHash('sha256').update(files[i] as Uint8Array).digest(); createHash('sha256').update(signed[i] as Uint8Array).digest(); });
/** The key's y (sign bit of x cleared), as shared/crypto/ed25519.ts reads it. */
const yOf = (key: Uint8Array): bigint => { const y = key.slice(); y[31]! &= 0x7f; return y.reduceRight((acc, b) => (acc << 8n) | BigInt(b), 0n); };
await stage('key: decode point', (i) => ed25519.Point.fromBytes(keys[i] as Uint8Array, false));
await stage('key: decode + small order + noble torsion (x L)', (i) => { const p = ed25519.Point.fromBytes(keys[i] as Uint8Array, false); p.isSmallOrder(); p.isTorsionFree(); });
await stage('key: subgroup proof from y alone (as checked now: no decoding)', (i) => provenInPrimeSubgroup(yOf(keys[i] as Uint8Array)));
await stage('R: decode point + small order', (i) => ed25519.Point.fromBytes((sigs[i] as Uint8Array).subarray(0, 32), false).isSmallOrder());
await stage('noble verify (zip215: false)', (i) => nobleVerify(keys[i] as Uint8Array, signed[i] as Uint8Array, sigs[i] as Uint8Array));
await stage('node:crypto verify (key import cached)', (i) => nodeEd25519.verify(keys[i] as Uint8Array, signed[i] as Uint8Array, sigs[i] as Uint8Array));
await stage('verifyEd25519 fast path (key checks cached)', (i) => verifyEd25519(nodeEd25519, keys[i] as Uint8Array, signed[i] as Uint8Array, sigs[i] as Uint8Array));
await stage('verifyEd25519Full, node:crypto (cached key checks)', (i) => verifyEd25519Full(nodeEd25519, keys[i] as Uint8Array, signed[i] as Uint8Array, sigs[i] as Uint8Array));
