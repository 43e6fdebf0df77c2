// Key rotation on the command line (issue 3): `keygen --rotate` writes a rotation signed by the old
// key and the new key; `trust add` applies it without a fingerprint, while a rotation without the
// new key's signature still needs the officer's fingerprint, and one with a wrong proof is refused.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const FIX = 'tests/fixtures/packages';
const PASS = 'mật khẩu đổi khóa';
let dir: string;

function planbook(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['bin/planbook.mjs', ...args], { encoding: 'utf8', env: { ...process.env, PLANBOOK_PASSPHRASE: '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) as Record<string, unknown> };
}
const next2025 = () => (JSON.parse(readFileSync(`${FIX}/keys/phuong-1.2025.seed.json`, 'utf8')) as { keyId: string }).keyId;

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build-node.mjs'], { stdio: 'inherit' });
  dir = mkdtempSync(join(tmpdir(), 'planbook-rotate-'));
}, 120_000);

describe('planbook keygen --rotate and trust add', () => {
  it('a rotation made by keygen --rotate carries both signatures; trust add applies it without a fingerprint; the new key then signs accepted packages', () => {
    const first = planbook(['keygen', '--unit', 'phuong-7', '--out', join(dir, 'v1'), '--json'], { PLANBOOK_PASSPHRASE: PASS });
    expect(first.code, first.stderr).toBe(0);
    const old = first.json() as { keyId: string; fingerprint: string; keyFile: string; keysFile: string };
    const trust = join(dir, 'TRUST.json');
    expect(planbook(['trust', 'add', trust, old.keysFile, '--fingerprint', old.fingerprint, '--json']).json()).toMatchObject({ result: 'added' });

    // The old key file is refused with another unit or another passphrase; the target folder must not hold a key.
    expect(planbook(['keygen', '--unit', 'phuong-8', '--out', join(dir, 'x'), '--rotate', old.keyFile, '--json'], { PLANBOOK_PASSPHRASE: PASS }).json()).toMatchObject({ error: 'wrong-unit' });
    expect(planbook(['keygen', '--unit', 'phuong-7', '--out', join(dir, 'x'), '--rotate', old.keyFile, '--json'], { PLANBOOK_PASSPHRASE: 'không phải' }).json()).toMatchObject({ error: 'wrong-passphrase' });
    expect(planbook(['keygen', '--unit', 'phuong-7', '--out', join(dir, 'v1'), '--rotate', old.keyFile, '--json'], { PLANBOOK_PASSPHRASE: PASS }).json()).toMatchObject({ error: 'exists' });
    expect(planbook(['keygen', '--unit', 'phuong-7', '--out', join(dir, 'x'), '--sequence', '3', '--json'], { PLANBOOK_PASSPHRASE: PASS }).code).toBe(2);

    const rot = planbook(['keygen', '--unit', 'phuong-7', '--out', join(dir, 'v2'), '--rotate', old.keyFile, '--json'], { PLANBOOK_PASSPHRASE: PASS });
    expect(rot.code, rot.stderr).toBe(0);
    const made = rot.json() as { keyId: string; keyFile: string; keysFile: string; replaces: string };
    expect(made.replaces).toBe(old.keyId);
    const pkg = JSON.parse(readFileSync(made.keysFile, 'utf8')) as { header: { sequence: number }; payload: Record<string, unknown>; signature: { keyId: string } };
    expect(pkg.signature.keyId).toBe(old.keyId);
    expect(pkg.header.sequence).toBe(2);
    expect(pkg.payload).toMatchObject({ unitId: 'phuong-7', replaces: old.keyId, newKeySignature: expect.stringMatching(/^[A-Za-z0-9_-]{86}$/u) });
    expect(planbook(['verify', made.keysFile, '--trust', trust, '--json']).json()).toEqual([expect.objectContaining({ reason: 'ok', keyId: old.keyId })]);

    const added = planbook(['trust', 'add', trust, made.keysFile, '--json']);
    expect(added.code, added.stdout + added.stderr).toBe(0);
    expect(added.json()).toMatchObject({ result: 'rotated', keyId: made.keyId, confirmedBy: 'new-key-signature' });
    const keys = (JSON.parse(readFileSync(trust, 'utf8')) as { keys: { keyId: string; revokedAt: string | null; source: string }[] }).keys;
    expect(keys.find((k) => k.keyId === old.keyId)?.revokedAt).not.toBeNull();
    expect(keys.find((k) => k.keyId === made.keyId)).toMatchObject({ source: 'rotation', revokedAt: null });

    // The new key file signs; the report verifies against the rotated trust.
    const unsigned = JSON.parse(readFileSync(`${FIX}/valid/report-unsigned.json`, 'utf8')) as { header: Record<string, unknown> };
    unsigned.header.unitId = 'phuong-7';
    unsigned.header.createdAt = new Date(Date.now() + 60_000).toISOString();
    const reportFile = join(dir, 'report-unsigned.json');
    writeFileSync(reportFile, JSON.stringify(unsigned));
    const signedFile = join(dir, 'report.json');
    expect(planbook(['sign', reportFile, '--key', made.keyFile, '--out', signedFile, '--json'], { PLANBOOK_PASSPHRASE: PASS }).code).toBe(0);
    expect(planbook(['verify', signedFile, '--trust', trust, '--json']).json()).toEqual([expect.objectContaining({ reason: 'ok', keyId: made.keyId })]);
  });

  it('the fixtures: a proven rotation needs no fingerprint; an unproven one does; a wrong proof is refused', () => {
    const trust = join(dir, 'TRUST-fix.json');
    copyFileSync(`${FIX}/TRUST.json`, trust);
    const bare = planbook(['trust', 'add', trust, `${FIX}/valid/keys-rotation.json`, '--json']);
    expect(bare.code).toBe(2);
    expect(planbook(['trust', 'add', trust, `${FIX}/hostile/rotation-bad-proof.json`, '--json']).json()).toMatchObject({ reason: 'bad-signature', error: 'not-verified' });
    expect(planbook(['trust', 'add', trust, `${FIX}/valid/keys-rotation-proven.json`, '--fingerprint', 'AAAA', '--json']).json()).toMatchObject({ error: 'fingerprint-mismatch' });
    expect(planbook(['trust', 'add', trust, `${FIX}/valid/keys-rotation-proven.json`, '--json']).json()).toMatchObject({ result: 'rotated', keyId: next2025(), confirmedBy: 'new-key-signature' });
    const other = join(dir, 'TRUST-fix2.json');
    copyFileSync(`${FIX}/TRUST.json`, other);
    expect(planbook(['trust', 'add', other, `${FIX}/valid/keys-rotation.json`, '--fingerprint', next2025(), '--json']).json()).toMatchObject({ result: 'rotated', confirmedBy: 'fingerprint' });
  });
});
