// The committed fixtures in tests/fixtures/packages/ are reproducible (regenerated and compared
// byte for byte) and each verifies to the reason its manifest entry states.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { memoryAcceptedIndex, parseTrustFile, verifyPackage, type TrustRegistry, type VerifyContext } from '../../../../shared/packages';
import { nodeEd25519 } from '../../../../electron/cli/nodeEd25519';
import { generatePackageFixtures, type FixtureCase, type FixtureSet } from '../../../helpers/packageFixtures';
import { PLAN_ID, PLAN_PERIODS } from '../../../helpers/packages';

const DIR = 'tests/fixtures/packages';
const read = (f: string) => new Uint8Array(readFileSync(join(DIR, f)));
let set: FixtureSet;
let trust: TrustRegistry;

beforeAll(async () => {
  set = await generatePackageFixtures();
  if (process.env.PLANBOOK_WRITE_FIXTURES) {
    for (const [file, bytes] of set.files) {
      mkdirSync(dirname(join(DIR, file)), { recursive: true });
      writeFileSync(join(DIR, file), bytes);
    }
  }
  const t = parseTrustFile(read('TRUST.json'));
  if (!t.ok) throw new Error(t.error);
  trust = t.registry;
});

async function contextFor(c: FixtureCase): Promise<VerifyContext> {
  const ctx: VerifyContext = { native: nodeEd25519 };
  if (c.trust) ctx.trust = trust;
  if (c.plan) ctx.plan = { id: PLAN_ID, periods: PLAN_PERIODS };
  if (c.maxBytes) ctx.limits = { maxBytes: c.maxBytes };
  if (c.accepted) {
    const index = memoryAcceptedIndex();
    for (const f of c.accepted) {
      const r = await verifyPackage(read(f));
      index.add({ unitId: r.header!.unitId, planId: r.header!.planId, period: r.header!.period },
        { packageId: r.header!.packageId, sequence: r.header!.sequence, contentHash: r.contentHash!, bytesHash: r.bytesHash });
    }
    ctx.accepted = index;
  }
  return ctx;
}

describe('package fixtures', () => {
  it('are reproducible: the committed files equal the generated ones', () => {
    for (const [file, bytes] of set.files) {
      expect(existsSync(join(DIR, file)), `${file} missing: run with PLANBOOK_WRITE_FIXTURES=1`).toBe(true);
      expect(Buffer.from(read(file)).equals(Buffer.from(bytes)), `${file} differs from its generator`).toBe(true);
    }
  });

  it('cover every reason of the contract and at least 30 hostile inputs', () => {
    const reasons = new Set(set.manifest.map((c) => c.expected));
    for (const r of ['ok', 'malformed', 'too-large', 'unsupported-version', 'bad-signature', 'unknown-key', 'revoked-key', 'wrong-unit', 'wrong-plan', 'unknown-period', 'stale', 'conflict', 'duplicate'])
      expect(reasons.has(r as never), r).toBe(true);
    expect(set.manifest.filter((c) => c.file.startsWith('hostile/')).length).toBeGreaterThanOrEqual(30);
    for (const kind of ['plan', 'report', 'consolidated', 'keys', 'receipt'])
      expect(set.manifest.some((c) => c.file.startsWith('valid/') && c.expected === 'ok' && readFileSync(join(DIR, c.file), 'utf8').includes(`"kind":"${kind}"`)), kind).toBe(true);
  });

  it('each verifies to its expected reason', async () => {
    const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as FixtureCase[];
    for (const c of manifest) {
      const r = await verifyPackage(read(c.file), await contextFor(c));
      expect(r.reason, `${c.file}: ${c.note} (${r.detail})`).toBe(c.expected);
      if (c.children) expect(r.children?.map((x) => x.reason), c.file).toEqual(c.children);
    }
  });
});
