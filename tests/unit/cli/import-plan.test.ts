// `planbook import-plan` as a user runs it: a generated .xlsx, the transcribed JSON, hostile
// input, and the plan package it writes (unsigned, or signed and accepted by `verify`).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { KEY_PASSPHRASE } from '../../helpers/packageFixtures';
import { planWorkbook, sheetBytes, toBytes, type RawPlan } from '../../helpers/xlsxFixtures';

let dir: string;
const planbook = (args: string[], env: Record<string, string> = {}) => {
  const r = spawnSync(process.execPath, ['bin/planbook.mjs', ...args], { encoding: 'utf8', env: { ...process.env, PLANBOOK_PASSPHRASE: '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) as Record<string, unknown> };
};

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build-node.mjs'], { stdio: 'inherit' });
  dir = mkdtempSync(join(tmpdir(), 'planbook-import-'));
  const raw = JSON.parse(readFileSync('resources/plans/brvt-bcd-2023.json', 'utf8')) as RawPlan;
  writeFileSync(join(dir, 'bcd.xlsx'), toBytes(planWorkbook(raw, { titles: true, sections: 'merged', twoRowHeader: true, repeatHeaderEvery: 8 })));
  writeFileSync(join(dir, 'fake.xlsx'), 'STT,Nội dung\n1,a\n');
  writeFileSync(join(dir, 'projects.xlsx'), sheetBytes([
    ['Stt', 'Nhiệm vụ, dự án', 'Tổng kinh phí dự kiến (triệu đồng)', 'Năm 2021', 'Nguồn vốn', 'Đơn vị chủ trì'],
    [1, 'Trung tâm dữ liệu', '350.000', '350.000', 'Ngân sách tỉnh', 'Sở TT&TT'],
    ['TỔNG CỘNG', null, '360.000', '350.000', null, null],
  ]));
}, 120_000);

describe('planbook import-plan', () => {
  it('reads a messy .xlsx: the contract shape, counts, warnings with cells', () => {
    const r = planbook(['import-plan', join(dir, 'bcd.xlsx'), '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = r.json();
    expect(Object.keys(j).sort()).toEqual(['counts', 'items', 'plan', 'sections', 'totals', 'warnings']);
    expect(j.counts).toEqual({ sections: 7, tasks: 38, indicators: 40, projects: 0 });
    expect(j.plan).toMatchObject({ id: 'bcd', decision: '180/QĐ-BCĐ', issuedOn: '2023-06-26' });
    expect((j.warnings as { code: string; sheet: string; ref: string }[]).find((w) => w.code === 'repeated-header')).toMatchObject({ sheet: 'Chỉ tiêu', ref: expect.stringMatching(/^[A-Z]+\d+$/u) });
  });
  it('reads the transcribed JSON the same way', () => {
    const r = planbook(['import-plan', 'resources/plans/brvt-bcd-2023.json', '--json']);
    expect(r.code).toBe(0);
    expect(r.json().counts).toEqual({ sections: 7, tasks: 38, indicators: 40, projects: 0 });
  });
  it('reports money totals found and computed', () => {
    const j = planbook(['import-plan', join(dir, 'projects.xlsx'), '--json']).json();
    expect(j.totals).toEqual([
      { sheet: 'Sheet1', table: 1, column: 'budgetTotal', found: 360000, computed: 350000, ref: 'C3' },
      { sheet: 'Sheet1', table: 1, column: '2021', found: 350000, computed: 350000, ref: 'D3' },
    ]);
    expect((j.warnings as { code: string }[]).map((w) => w.code)).toContain('total-mismatch');
  });
  it('a CSV renamed .xlsx: exit 1, one JSON document saying what it is', () => {
    const r = planbook(['import-plan', join(dir, 'fake.xlsx'), '--json']);
    expect(r.code).toBe(1);
    expect(r.json()).toMatchObject({ error: 'not-a-spreadsheet', what: 'csv' });
  });
  it('usage errors exit 2', () => {
    expect(planbook(['import-plan', '--json']).code).toBe(2);
    expect(planbook(['import-plan', join(dir, 'nope.xlsx'), '--json']).code).toBe(2);
    expect(planbook(['import-plan', 'README.md', '--json']).code).toBe(2);
    expect(planbook(['import-plan', join(dir, 'bcd.xlsx'), '--key', 'k.key', '--json']).code).toBe(2);
  });
  it('--out writes an unsigned plan package; with --key a signed one that verify accepts', () => {
    const unsigned = join(dir, 'plan-unsigned.json');
    expect(planbook(['import-plan', join(dir, 'bcd.xlsx'), '--out', unsigned, '--json']).code).toBe(0);
    const pkg = JSON.parse(readFileSync(unsigned, 'utf8')) as { kind: string; payload: { items: unknown[] }; signature?: unknown };
    expect(pkg.kind).toBe('plan');
    expect(pkg.payload.items).toHaveLength(78);
    expect(pkg.signature).toBeUndefined();

    const signed = join(dir, 'plan-signed.json');
    const r = planbook(['import-plan', join(dir, 'bcd.xlsx'), '--out', signed, '--key', 'tests/fixtures/packages/keys/phuong-1.key', '--json'], { PLANBOOK_PASSPHRASE: KEY_PASSPHRASE });
    expect(r.code).toBe(0);
    const v = planbook(['verify', signed, '--json']);
    expect(v.json()).toEqual([expect.objectContaining({ reason: 'ok', kind: 'plan', unitId: 'phuong-1', planId: 'bcd' })]);
  });
});
