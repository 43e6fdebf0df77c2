// `planbook merge` as one story in one process: the city issues its plan with the wards' keys,
// wards sign reports (late, resent, superseded, tampered, for the wrong month, in conflict), the
// city merges and signs a consolidated package, the province merges that and re-verifies the wards.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemId, SectionId, UnitId } from '../../../shared/model/ids';
import { buildPlanPackage, type PlanPayload, type ReportPayload } from '../../../shared/packages';
import { encryptKey } from '../../../electron/cli/keyfile';
import { runCli } from '../../../electron/cli/run';
import { jsonLineBytes } from '../../../electron/cli/io';
import type { MergeJson } from '../../../electron/cli/commands/merge';
import { MIN_FILES_FOR_WORKERS } from '../../../electron/cli/commands/mergeVerify';
import { CREATED_AT, aPlanPayload, aReport, signed, testKey, type TestKey } from '../../helpers/packages';

const wards = [1, 2, 3, 4].map((n) => testKey(`phuong-${n}`));
const [w1, w2, w3, w4] = wards as [TestKey, TestKey, TestKey, TestKey];
const city = testKey('thanh-pho');
const province = testKey('tinh');
const stranger = testKey('phuong-la');
const T1 = 'vt-2024.t1' as ItemId;
const I1 = 'vt-2024.i1' as ItemId;

function planFor(issuer: TestKey, units: { key: TestKey; parentId: string }[]): PlanPayload {
  const base = aPlanPayload();
  return {
    ...base,
    items: [
      ...base.items,
      { id: I1, kind: 'indicator', sectionId: 's1' as SectionId, no: '2', content: 'Hồ sơ trực tuyến', lead: '', coordinating: '', due: '2024', target: 'Trên 95%', note: '' },
    ],
    units: [{ key: issuer, parentId: '' }, ...units].map(({ key, parentId }) => ({
      id: key.unitId as UnitId, name: `Đơn vị ${key.unitId}`, parentId: (parentId || null) as UnitId | null, aliases: [],
      publicKeys: [{ keyId: key.keyId, publicKey: key.publicKeyB64, validFrom: '2024-01-01T00:00:00Z', revokedAt: null }],
    })),
  };
}

const payload = (numerator: number, denominator: number, status: 'done' | 'in-progress' = 'in-progress'): Partial<ReportPayload> => ({
  entries: [{ itemId: T1, status, percent: 50, result: '', difficulties: 'Thiếu kinh phí', proposals: '', evidence: [], completedOn: null }],
  indicatorValues: [{ itemId: I1, numerator, denominator, value: denominator > 0 ? (100 * numerator) / denominator : null, text: '' }],
  projectValues: [],
});

let dir: string;
let inbox: string;
const write = (name: string, bytes: Uint8Array) => { writeFileSync(join(inbox, name), bytes); return join(inbox, name); };
const merge = async (args: string[]) => {
  const r = await runCli(['merge', ...args, '--json']);
  return { code: r.exitCode, json: JSON.parse(String(r.stdout)) as MergeJson };
};
const reasons = (j: MergeJson) => Object.fromEntries(j.outcomes.map((o) => [o.file.split('/').pop(), o.reason]));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'planbook-merge-'));
  inbox = join(dir, 'inbox');
  mkdirSync(inbox);
  const plan = await signed(buildPlanPackage({ unitId: 'thanh-pho', sequence: 1, createdAt: CREATED_AT },
    planFor(city, wards.map((key) => ({ key, parentId: 'thanh-pho' })))), city);
  writeFileSync(join(dir, 'plan.json'), plan.bytes);
  const at = (d: string) => `${d}T09:00:00+07:00`;
  const r = async (key: TestKey, sequence: number, createdAt: string, p: Partial<ReportPayload>, period = '2024-05') =>
    (await signed(aReport({ unit: key.unitId, sequence, createdAt, period, payload: p }), key)).bytes;
  // Phường 1: on time, then a correction (sequence 2) after the due date.
  write('p1-s1.json', await r(w1, 1, at('2024-05-11'), payload(1, 1000)));
  write('p1-s2.json', await r(w1, 2, at('2024-05-13'), payload(23391, 23802, 'done')));
  // Phường 2: late, and sent twice (the same file under another name).
  const p2 = await r(w2, 1, at('2024-05-14'), payload(100, 120));
  write('p2.json', p2);
  write('p2-copy.json', p2);
  // Phường 2 again, changed after signing.
  const tampered = JSON.parse(new TextDecoder().decode(p2)) as { payload: { indicatorValues: { numerator: number }[] } };
  (tampered.payload.indicatorValues[0] as { numerator: number }).numerator = 120;
  write('p2-tampered.json', new TextEncoder().encode(JSON.stringify(tampered)));
  // Phường 3: April's report in May's folder; Phường 4: two different packages with sequence 1.
  write('p3-april.json', await r(w3, 1, at('2024-04-11'), payload(5, 5), '2024-04'));
  write('p4-a.json', await r(w4, 1, at('2024-05-10'), payload(0, 0)));
  write('p4-b.json', await r(w4, 1, at('2024-05-10'), payload(9, 9)));
  // A unit the plan does not know.
  write('stranger.json', await r(stranger, 1, at('2024-05-10'), payload(1, 1)));
  process.env.PLANBOOK_PASSPHRASE = 'merge-test';
  writeFileSync(join(dir, 'city.key'), JSON.stringify(encryptKey(city.secretKey, 'thanh-pho', 'merge-test', { N: 2 ** 14 })));
}, 60_000);

afterAll(() => { delete process.env.PLANBOOK_PASSPHRASE; });

describe('planbook merge', () => {
  it('gives every file one outcome, the board and the roll-ups, exit 1 when a file is rejected', async () => {
    const { code, json } = await merge([inbox, '--plan', join(dir, 'plan.json'), '--period', '2024-05']);
    expect(code).toBe(1);
    expect(reasons(json)).toEqual({
      'p1-s1.json': 'ok', 'p1-s2.json': 'ok', 'p2-copy.json': 'ok', 'p2.json': 'duplicate', 'p2-tampered.json': 'bad-signature',
      'p3-april.json': 'unknown-period', 'p4-a.json': 'conflict', 'p4-b.json': 'conflict', 'stranger.json': 'unknown-key',
    });
    expect(json.outcomes.find((o) => o.file.endsWith('p1-s1.json'))).toMatchObject({ unitId: 'phuong-1', sequence: 1, supersededBy: 2 });
    expect(json.outcomes.map((o) => o.file)).toEqual([...json.outcomes.map((o) => o.file)].sort());
    expect(json.board.map((b) => [b.unitId, b.state, b.sequence, b.conflict])).toEqual([
      ['phuong-1', 'on-time', 2, false], ['phuong-2', 'late', 1, false], ['phuong-3', 'missing', null, false], ['phuong-4', 'on-time', 1, true],
    ]);
    const indicator = json.items.find((i) => i.itemId === I1);
    // Phường 1's latest (23.391/23.802) and Phường 2 (100/120); Phường 4 is in conflict and left out.
    expect(indicator?.rollup).toMatchObject({ numerator: 23491, denominator: 23922, value: (100 * 23491) / 23922, met: true });
    expect(indicator?.units.map((u) => u.unitId)).toEqual(['phuong-1', 'phuong-2']);
    expect(json.items.find((i) => i.itemId === T1)?.byStatus).toEqual({ 'not-started': 0, 'in-progress': 1, done: 1, 'done-late': 0, 'carried-over': 0, dropped: 0 });
  });

  it('does not depend on the order of the files', async () => {
    const files = readdirSync(inbox).map((f) => join(inbox, f));
    const a = await merge([...files, '--plan', join(dir, 'plan.json'), '--period', '2024-05']);
    const b = await merge([...files.reverse(), inbox, '--plan', join(dir, 'plan.json'), '--period', '2024-05']);
    expect(b.json).toEqual(a.json);
  });

  it('exit 0 when every file is ok or a duplicate', async () => {
    const { code, json } = await merge([join(inbox, 'p1-s1.json'), join(inbox, 'p1-s2.json'), join(inbox, 'p2.json'), join(inbox, 'p2-copy.json'),
      '--plan', join(dir, 'plan.json'), '--period', '2024-05']);
    expect(code).toBe(0);
    expect(json.board.filter((b) => b.state === 'missing').map((b) => b.unitId)).toEqual(['phuong-3', 'phuong-4']);
  });

  it.each([
    [['--plan', 'plan.json'], 'no --period'],
    [['--period', '2024-05'], 'no --plan'],
    [['--plan', 'plan.json', '--period', '2024-13'], 'a month that does not exist'],
    [['--plan', 'plan.json', '--period', '2024-05', '--out', 'x.json'], '--out without --key'],
    [['--plan', 'plan.json', '--period', '2024-05', '--sequence', 'two'], 'a bad --sequence'],
    [['--plan', 'plan.json', '--period', '2024-05', '--bogus'], 'an unknown option'],
  ])('usage error (exit 2): %j, %s', async (args) => {
    const r = await runCli(['merge', inbox, ...args.map((a) => (a === 'plan.json' ? join(dir, a) : a)), '--json']);
    expect(r.exitCode).toBe(2);
    expect(JSON.parse(String(r.stdout))).toMatchObject({ error: 'usage' });
  });

  it('an unreadable input path is a usage error; a plan that is not a valid plan package is rejected', async () => {
    expect((await runCli(['merge', join(dir, 'nope'), '--plan', join(dir, 'plan.json'), '--period', '2024-05', '--json'])).exitCode).toBe(2);
    const bad = await runCli(['merge', inbox, '--plan', join(inbox, 'p2-tampered.json'), '--period', '2024-05', '--json']);
    expect(bad.exitCode).toBe(1);
    expect(JSON.parse(String(bad.stdout))).toEqual({ error: 'plan-bad-signature' });
  });

  it('signs a consolidated package the province re-verifies, where a ward received twice counts once', async () => {
    const out = join(dir, 'city-2024-05.json');
    const cityRun = await merge([join(inbox, 'p1-s1.json'), join(inbox, 'p1-s2.json'), join(inbox, 'p2.json'),
      '--plan', join(dir, 'plan.json'), '--period', '2024-05', '--out', out, '--key', join(dir, 'city.key'), '--sequence', '3']);
    expect(cityRun.code).toBe(0);
    expect(cityRun.json.out).toMatchObject({ sequence: 3, children: 2, keyId: city.keyId });
    const verify = await runCli(['verify', out, '--json']);
    expect(JSON.parse(String(verify.stdout))).toMatchObject([{ reason: 'ok', kind: 'consolidated', unitId: 'thanh-pho', sequence: 3,
      children: [{ unitId: 'phuong-1', reason: 'ok', sequence: 2 }, { unitId: 'phuong-2', reason: 'ok' }] }]);
    const pkg = JSON.parse(readFileSync(out, 'utf8')) as { payload: { summary: { units: unknown[]; items: { itemId: string; rollup: unknown }[] } } };
    expect(pkg.payload.summary.units).toContainEqual({ id: 'phuong-1', name: 'Đơn vị phuong-1', parentId: 'thanh-pho' });
    expect(pkg.payload.summary.items.find((i) => i.itemId === I1)?.rollup).toMatchObject({ numerator: 23491, denominator: 23922 });

    // The province: its copy of the plan lists the city under it and every key.
    const provincePlan = await signed(buildPlanPackage({ unitId: 'tinh', sequence: 1, createdAt: CREATED_AT },
      planFor(province, [{ key: city, parentId: 'tinh' }, ...wards.map((key) => ({ key, parentId: 'thanh-pho' }))])), province);
    const up = join(dir, 'province');
    mkdirSync(up);
    writeFileSync(join(up, 'plan.json'), provincePlan.bytes);
    copyFileSync(out, join(up, 'city.json'));
    copyFileSync(join(inbox, 'p1-s2.json'), join(up, 'direct-p1.json'));
    const prov = await merge([up, '--plan', join(up, 'plan.json'), '--period', '2024-05']);
    expect(prov.code).toBe(0);
    const cityRow = prov.json.outcomes.find((o) => o.file.endsWith('city.json'));
    expect(cityRow).toMatchObject({ reason: 'ok', unitId: 'thanh-pho', sequence: 3 });
    // Phường 1 reached the province directly and inside the city's package: the direct copy counts, once.
    expect(cityRow?.children).toEqual([{ ref: '#children/0', unitId: 'phuong-1', sequence: 2, reason: 'duplicate' }, { ref: '#children/1', unitId: 'phuong-2', sequence: 1, reason: 'ok' }]);
    expect(reasons(prov.json)['direct-p1.json']).toBe('ok');
    expect(prov.json.board).toEqual([expect.objectContaining({ unitId: 'thanh-pho', state: 'late', kind: 'consolidated', sequence: 3 })]);
    expect(prov.json.items.find((i) => i.itemId === I1)?.rollup).toMatchObject({ numerator: 23491, denominator: 23922 });
  });
});

describe('planbook merge, bundled, with worker threads', () => {
  it('gives the same answer as in one thread', async () => {
    const bundle = join(dir, 'planbook.mjs');
    await build({
      entryPoints: ['electron/cli/main.ts'], outfile: bundle, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning',
      banner: { js: "import { createRequire as __planbookRequire } from 'node:module'; const require = __planbookRequire(import.meta.url);" },
      define: { __PLANBOOK_VERSION__: '"0.0.0-test"', __PLANBOOK_BUILD_DATE__: '"2024-01-01"' },
    });
    // Enough files for the pool: the inbox plus renamed copies of one report.
    const many = join(dir, 'many');
    mkdirSync(many);
    for (const f of readdirSync(inbox)) copyFileSync(join(inbox, f), join(many, f));
    for (let i = 0; i < MIN_FILES_FOR_WORKERS; i++) copyFileSync(join(inbox, 'p1-s2.json'), join(many, `copy-${String(i).padStart(4, '0')}.json`));
    const args = ['merge', many, '--plan', join(dir, 'plan.json'), '--period', '2024-05', '--json'];
    const r = spawnSync(process.execPath, [bundle, ...args], { encoding: 'utf8', env: { ...process.env, VITEST: '' } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const inProcess = await runCli(args);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(String(inProcess.stdout)));
    expect((JSON.parse(r.stdout) as MergeJson).outcomes.filter((o) => o.reason === 'duplicate')).toHaveLength(MIN_FILES_FOR_WORKERS + 1);
  }, 60_000);
});

describe('merge --json output, serialised in pieces', () => {
  const line = (doc: Record<string, unknown>) => `${JSON.stringify(doc)}\n`;
  it('jsonLineBytes writes what JSON.stringify writes, byte for byte', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({ unitId: `phuong-${i}`, text: i % 7 ? 'Đạt 17/131 hồ sơ 😀' : undefined, v: i / 3 }));
    const docs: Record<string, unknown>[] = [
      { plan: 'p', skipped: undefined, items: rows, counts: { a: 1 }, fn: () => 1, after: ['x', undefined, null] },
      { items: [], outcomes: [undefined, () => 1, 'ý'], board: 'not an array' },
      { only: 'Phường "1"\n\u0001' },
      {},
    ];
    for (const doc of docs) expect(new TextDecoder().decode(jsonLineBytes(doc, new Set(['items', 'outcomes', 'board'])))).toBe(line(doc));
  });
  it('a merge prints the same bytes as JSON.stringify of its document', async () => {
    const r = await runCli(['merge', inbox, '--plan', join(dir, 'plan.json'), '--period', '2024-05', '--json']);
    const text = typeof r.stdout === 'string' ? r.stdout : new TextDecoder().decode(r.stdout);
    expect(text).toBe(line(JSON.parse(text) as Record<string, unknown>));
    expect((JSON.parse(text) as MergeJson).items.length).toBeGreaterThan(0);
  });
});
