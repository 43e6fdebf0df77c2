// The command line as a user runs it: `node bin/planbook.mjs ...`, exit codes and JSON on stdout.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { KEY_PASSPHRASE } from '../../helpers/packageFixtures';

const FIX = 'tests/fixtures/packages';
let dir: string;

function planbook(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['bin/planbook.mjs', ...args], { encoding: 'utf8', env: { ...process.env, PLANBOOK_PASSPHRASE: '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) as unknown };
}

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build-node.mjs'], { stdio: 'inherit' });
  dir = mkdtempSync(join(tmpdir(), 'planbook-cli-'));
}, 120_000);

describe('planbook verify', () => {
  it('answers one row per file in the contract shape, exit 0 when all are ok', () => {
    const r = planbook(['verify', `${FIX}/valid/report.json`, `${FIX}/valid/plan.json`, '--json']);
    expect(r.code).toBe(0);
    expect(r.json()).toEqual([
      { file: `${FIX}/valid/report.json`, reason: 'ok', kind: 'report', unitId: 'phuong-1', planId: 'vt-2024', period: '2024-05', sequence: 5, keyId: expect.stringMatching(/^[A-Z2-7]{26}$/u) },
      { file: `${FIX}/valid/plan.json`, reason: 'ok', kind: 'plan', unitId: 'thanh-pho', planId: 'vt-2024', period: null, sequence: 1, keyId: expect.any(String) },
    ]);
  });
  it('exit 1 when one file is rejected; reasons with --trust', () => {
    const r = planbook(['verify', `${FIX}/valid/report.json`, `${FIX}/hostile/bom.json`, `${FIX}/reasons/unknown-key.json`, `${FIX}/reasons/revoked-key.json`, `${FIX}/reasons/wrong-unit.json`, '--trust', `${FIX}/TRUST.json`, '--json']);
    expect(r.code).toBe(1);
    expect((r.json() as { reason: string }[]).map((x) => x.reason)).toEqual(['ok', 'malformed', 'unknown-key', 'revoked-key', 'wrong-unit']);
    expect(r.stderr).toBe('');
  });
  it('without --trust an unknown key still verifies (signature only)', () => {
    expect(planbook(['verify', `${FIX}/reasons/unknown-key.json`, '--json']).code).toBe(0);
  });
  it('reports each child of a consolidated package', () => {
    const r = planbook(['verify', `${FIX}/hostile/consolidated-tampered-child.json`, '--json']);
    expect(r.code).toBe(1);
    const [row] = r.json() as { reason: string; children: { unitId: string; reason: string }[] }[];
    expect(row!.reason).toBe('bad-signature');
    expect(row!.children.map((c) => [c.unitId, c.reason])).toEqual([['phuong-1', 'bad-signature'], ['phuong-2', 'ok']]);
  });
  it('usage errors exit 2 with one JSON document', () => {
    for (const args of [['verify', '--json'], ['verify', 'does-not-exist.json', '--json'], ['frobnicate', '--json'], ['verify', `${FIX}/valid/report.json`, '--bogus', '--json']]) {
      const r = planbook(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.json()).toMatchObject({ error: 'usage' });
    }
  });
});

describe('planbook keygen, sign, trust add, inspect', () => {
  it('signs an unsigned package with a key file; the result verifies', () => {
    const out = join(dir, 'signed.json');
    const r = planbook(['sign', `${FIX}/valid/report-unsigned.json`, '--key', `${FIX}/keys/phuong-1.key`, '--out', out, '--json'], { PLANBOOK_PASSPHRASE: KEY_PASSPHRASE });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ reason: 'ok', unitId: 'phuong-1' });
    expect(planbook(['verify', out, '--trust', `${FIX}/TRUST.json`, '--json']).code).toBe(0);
    // Deterministic: the same input and key give the same bytes (Ed25519 and JCS).
    const again = planbook(['sign', `${FIX}/valid/report-unsigned.json`, '--key', `${FIX}/keys/phuong-1.key`], { PLANBOOK_PASSPHRASE: KEY_PASSPHRASE });
    expect(again.stdout).toBe(readFileSync(out, 'utf8'));
  });
  it('refuses a wrong passphrase, an already signed package, and no passphrase at all', () => {
    expect(planbook(['sign', `${FIX}/valid/report-unsigned.json`, '--key', `${FIX}/keys/phuong-1.key`, '--json'], { PLANBOOK_PASSPHRASE: 'nope' }).code).toBe(1);
    expect(planbook(['sign', `${FIX}/valid/report.json`, '--key', `${FIX}/keys/phuong-1.key`, '--json'], { PLANBOOK_PASSPHRASE: KEY_PASSPHRASE }).json()).toMatchObject({ error: 'already-signed' });
    expect(planbook(['sign', `${FIX}/valid/report-unsigned.json`, '--key', `${FIX}/keys/phuong-1.key`, '--json']).code).toBe(2);
  });
  it('keygen makes a key and an enrolment that trust add accepts only with the right fingerprint', () => {
    const g = planbook(['keygen', '--unit', 'phuong-9', '--out', dir, '--json'], { PLANBOOK_PASSPHRASE: 'mật khẩu' });
    expect(g.code, g.stderr).toBe(0);
    const key = g.json() as { keyId: string; fingerprint: string; keysFile: string };
    expect(key.fingerprint.replace(/ /gu, '')).toBe(key.keyId);
    const trust = join(dir, 'TRUST.json');
    copyFileSync(`${FIX}/TRUST.json`, trust);
    const wrong = planbook(['trust', 'add', trust, key.keysFile, '--fingerprint', 'AAAA BBBB CCCC DDDD EEEE FFFF GG', '--json']);
    expect(wrong.code).toBe(1);
    expect(wrong.json()).toMatchObject({ error: 'fingerprint-mismatch' });
    expect(planbook(['verify', key.keysFile, '--trust', trust, '--json']).code).toBe(1);
    const ok = planbook(['trust', 'add', trust, key.keysFile, '--fingerprint', key.fingerprint.toLowerCase(), '--json']);
    expect(ok.code).toBe(0);
    expect(ok.json()).toMatchObject({ result: 'added', unitId: 'phuong-9' });
    expect(planbook(['verify', key.keysFile, '--trust', trust, '--json']).code).toBe(0);
    expect(planbook(['keygen', '--unit', 'phuong-9', '--out', dir, '--json'], { PLANBOOK_PASSPHRASE: 'x' }).code).toBe(1); // never overwrites a key
    expect(planbook(['keygen', '--unit', '../evil', '--out', dir, '--json'], { PLANBOOK_PASSPHRASE: 'x' }).code).toBe(2);
  });
  it('trust add applies a rotation signed by the trusted old key', () => {
    const trust = join(dir, 'TRUST-rot.json');
    copyFileSync(`${FIX}/TRUST.json`, trust);
    const fp = (JSON.parse(readFileSync(`${FIX}/keys/phuong-1.2025.seed.json`, 'utf8')) as { keyId: string }).keyId;
    const r = planbook(['trust', 'add', trust, `${FIX}/valid/keys-rotation.json`, '--fingerprint', fp, '--json']);
    expect(r.code, r.stdout).toBe(0);
    expect(r.json()).toMatchObject({ result: 'rotated' });
  });
  it('inspect shows the reason in Vietnamese or English, text escaped', () => {
    const vi = planbook(['inspect', `${FIX}/valid/consolidated.json`]);
    expect(vi.code).toBe(0);
    expect(vi.stdout).toContain('Hợp lệ');
    const en = planbook(['inspect', `${FIX}/reasons/stale.json`, '--lang', 'en', '--json']);
    expect(en.json()).toMatchObject({ reason: 'ok', kind: 'report', counts: { entries: 1 }, message: expect.stringContaining('Valid') });
    expect(planbook(['inspect', `${FIX}/hostile/proto.json`, '--lang', 'en', '--json']).json()).toMatchObject({ reason: 'malformed' });
    expect(planbook(['inspect', `${FIX}/valid/report.json`, '--lang', 'fr']).code).toBe(2);
  });
});
