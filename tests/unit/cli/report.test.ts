// `planbook report` on the real shape of a month: the Vũng Tàu 2024 plan, 17 wards (one missing,
// two late, one typing hostile text), consolidated and signed by the city; printed to HTML, PDF
// (headless Chromium, checked through pdftotext and pdffonts) and Excel (read back with SheetJS).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { encryptKey } from '../../../electron/cli/keyfile';
import { runCli } from '../../../electron/cli/run';
import type { ReportJson } from '../../../electron/cli/commands/report';
import { testKey } from '../../helpers/packages';
import { CITY, HOSTILE, HOSTILE_WARD, vungTauMonth, wards, type VungTauMonth } from '../core/report/fixtures';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;

let dir: string;
let month: VungTauMonth;
const file = (name: string) => join(dir, name);
const run = async (args: string[], env?: Record<string, string>) => {
  const saved = { ...process.env };
  Object.assign(process.env, env ?? {});
  try {
    const r = await runCli(['report', ...args]);
    return { code: r.exitCode, stdout: String(r.stdout), stderr: r.stderr };
  } finally {
    for (const k of Object.keys(env ?? {})) if (saved[k] === undefined) delete process.env[k]; else process.env[k] = saved[k];
  }
};
const flat = (s: string) => s.normalize('NFC').replace(/\s+/gu, ' ');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'planbook-report-'));
  month = await vungTauMonth();
  writeFileSync(file('plan.json'), month.planPackage.bytes);
  writeFileSync(file('consolidated.json'), month.consolidated.bytes);
  const hostile = month.reports.find((r) => r.unitId === HOSTILE_WARD)!;
  writeFileSync(file('thang-tam.json'), hostile.bytes);
  const tampered = JSON.parse(new TextDecoder().decode(hostile.bytes)) as { payload: { narrative: string } };
  tampered.payload.narrative = 'Sửa sau khi ký';
  writeFileSync(file('tampered.json'), JSON.stringify(tampered));
}, 60_000);

describe('planbook report: usage and rejection', () => {
  it('exits 2 on usage errors: no file, unknown format, no --out, a unit report without --plan', async () => {
    expect((await run(['--format', 'pdf', '--out', file('x.pdf')])).code).toBe(2);
    expect((await run([file('consolidated.json'), '--format', 'docx', '--out', file('x.docx')])).code).toBe(2);
    expect((await run([file('consolidated.json'), '--format', 'html'])).code).toBe(2);
    const noPlan = await run([file('thang-tam.json'), '--format', 'html', '--out', file('x.html'), '--json']);
    expect(noPlan.code).toBe(2);
    expect(JSON.parse(noPlan.stdout)).toMatchObject({ error: 'usage' });
    expect((await run([file('consolidated.json'), '--format', 'html', '--out', file('x.html'), '--date', '12/05/2024'])).code).toBe(2);
  });

  it('exits 1 on a tampered package, and on a plan that is not the report’s', async () => {
    const bad = await run([file('tampered.json'), '--format', 'html', '--out', file('x.html'), '--plan', file('plan.json'), '--json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ error: 'bad-signature' });
    const other = await run([file('consolidated.json'), '--format', 'html', '--out', file('x.html'), '--plan', 'resources/plans/brvt-bcd-2023.json', '--json']);
    expect(other.code).toBe(1);
    expect(JSON.parse(other.stdout)).toMatchObject({ error: 'wrong-plan' });
  });

  it('says plainly when Chromium is missing (exit 1), while html still works', async () => {
    const r = await run([file('consolidated.json'), '--format', 'pdf', '--out', file('none.pdf'), '--plan', file('plan.json')], { CHROMIUM_PATH: join(dir, 'no-chromium') });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Chromium not found/u);
    expect(existsSync(file('none.pdf'))).toBe(false);
  });
});

describe('planbook merge, then planbook report', () => {
  it('prints the consolidated package that merge signed from the wards’ files', async () => {
    const inbox = file('inbox');
    mkdirSync(inbox, { recursive: true });
    for (const r of month.reports) writeFileSync(join(inbox, `${r.unitId}.json`), r.bytes);
    writeFileSync(file('city.key'), JSON.stringify(encryptKey(testKey(CITY).secretKey, CITY, 'report-test', { N: 2 ** 14 })));
    process.env.PLANBOOK_PASSPHRASE = 'report-test';
    try {
      const merged = await runCli(['merge', inbox, '--plan', file('plan.json'), '--period', '2024-05', '--out', file('merged.json'), '--key', file('city.key'), '--json']);
      expect(merged.exitCode, String(merged.stdout)).toBe(0);
    } finally {
      delete process.env.PLANBOOK_PASSPHRASE;
    }
    const r = await run([file('merged.json'), '--format', 'xlsx', '--out', file('merged.xlsx'), '--plan', file('plan.json'), '--json']);
    expect(r.code, r.stdout).toBe(0);
    const board = XLSX.utils.sheet_to_json<string[]>(XLSX.read(readFileSync(file('merged.xlsx'))).Sheets['Tình hình gửi báo cáo']!, { header: 1 });
    expect(board.slice(1, 18).map((row) => [row[1], row[2]])).toEqual(wards().map((w) => [w.name,
      w.id === 'brvt.vung-tau.long-son' ? 'Chưa báo cáo' : ['brvt.vung-tau.p11', 'brvt.vung-tau.p12'].includes(w.id) ? 'Trễ hạn' : 'Đúng hạn']));
  }, 60_000);
});

describe('planbook report: html and xlsx', () => {
  it('writes a standalone HTML report with the fonts inlined and the units’ text escaped', async () => {
    const r = await run([file('consolidated.json'), '--format', 'html', '--out', file('city.html'), '--plan', file('plan.json'), '--date', '2024-05-20', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as ReportJson;
    expect(json).toMatchObject({ kind: 'consolidated', format: 'html', unitId: 'brvt.vung-tau', period: '2024-05', planFrom: 'package' });
    const html = readFileSync(file('city.html'), 'utf8');
    expect(json.bytes).toBe(Buffer.byteLength(html));
    expect(html).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(html).toContain('Vũng Tàu, ngày 20 tháng 5 năm 2024');
    expect(html).toMatch(/src: local\('Times New Roman'\), local\('TimesNewRomanPSMT'\), url\("data:font\/ttf;base64,/u);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|https?:\/\/(?!evil\.example)/u);
    expect(html).not.toContain(HOSTILE.result);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    for (const w of wards()) expect(html).toContain(w.name);
  });

  it('prints one unit’s report with a transcribed plan, names from the bundled directory', async () => {
    const r = await run([file('thang-tam.json'), '--format', 'html', '--out', file('ward.html'), '--plan', 'resources/plans/vungtau-cds-2024.json', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: 'unit', planFrom: 'transcribed', unitId: HOSTILE_WARD });
    const html = readFileSync(file('ward.html'), 'utf8');
    expect(html).toContain('<div class="issuer">PHƯỜNG THẮNG TAM</div>');
    expect(html).toContain('Số:\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-UBND');
    expect(html).toContain('Thắng Tam, ngày');
    expect(html).not.toContain('<script>alert');
  });

  it('writes the consolidated workbook: one sheet per table, header rows, text never a formula', async () => {
    const r = await run([file('consolidated.json'), '--format', 'xlsx', '--out', file('city.xlsx'), '--plan', file('plan.json'), '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as ReportJson;
    const wb = XLSX.read(readFileSync(file('city.xlsx')), { type: 'buffer', cellFormula: true });
    expect(wb.SheetNames).toEqual(json.sheets?.map((s) => s.name));
    expect(wb.SheetNames).toEqual(['Tình hình gửi báo cáo', 'Tình trạng thực hiện theo nhóm', 'Kết quả thực hiện các chỉ tiêu', 'Nhiệm vụ - chi tiết', 'Chỉ tiêu - chi tiết', 'Khó khăn, đề xuất']);
    const board = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['Tình hình gửi báo cáo']!, { header: 1 });
    expect(board[0]).toEqual(['STT', 'Đơn vị', 'Tình trạng', 'Thời điểm gửi', 'Ghi chú']);
    expect(board.slice(1, 18).map((row) => row[1])).toEqual(wards().map((w) => w.name));
    const detail = wb.Sheets['Nhiệm vụ - chi tiết']!;
    const cells = Object.entries(detail).filter(([k]) => !k.startsWith('!')).map(([, c]) => c as XLSX.CellObject);
    const hostile = cells.find((c) => c.v === HOSTILE.difficulties);
    expect(hostile).toMatchObject({ t: 's' });
    expect(cells.some((c) => c.f !== undefined)).toBe(false);
  });
});

describe.skipIf(!hasChromium || !hasPoppler)('planbook report --format pdf (headless Chromium)', () => {
  it('prints the consolidated report: A4, sane page count, title block, motto and every ward in the text layer', async () => {
    const pdf = file('city.pdf');
    const r = await run([file('consolidated.json'), '--format', 'pdf', '--out', pdf, '--plan', file('plan.json'), '--date', '2024-05-20', '--signer', 'Nguyễn Văn A', '--json']);
    expect(r.code, r.stdout).toBe(0);
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/u.exec(info)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(5);
    expect(pages).toBeLessThanOrEqual(60);
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/u);
    const text = flat(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }));
    for (const s of ['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ VŨNG TÀU', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc',
      'Vũng Tàu, ngày 20 tháng 5 năm 2024', 'BÁO CÁO', 'Tổng hợp kết quả thực hiện', 'Nơi nhận:', 'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Nguyễn Văn A', 'PHỤ LỤC'])
      expect(text).toContain(s);
    const raw = flat(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));
    for (const w of wards()) expect(raw).toContain(w.name);
    // The page number: none on page 1, centred at the top from page 2 (the first line of its text).
    const first = (page: number) => execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-'], { encoding: 'utf8' }).trim().split('\n')[0]?.trim();
    expect(first(1)).toMatch(/^ỦY BAN NHÂN DÂN/u);
    expect(first(2)).toBe('2');
    expect(first(pages)).toBe(String(pages));
    // Every glyph from the bundled Liberation Serif (or Times New Roman): no fallback font.
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
    expect(fonts).toMatch(/LiberationSerif|TimesNewRoman/u);
    expect(fonts).not.toMatch(/DejaVu|Noto|FreeSerif/u);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdf, join(dir, 'page')]);
    expect(existsSync(join(dir, `page-${String(1).padStart(String(pages).length, '0')}.png`))).toBe(true);
    process.stdout.write(`report PDF: ${pdf} (${pages} pages), page images in ${dir}\n`);
  }, 60_000);
});

if (!hasChromium) it.skip(`PDF part skipped: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`, () => undefined);
else if (!hasPoppler) it.skip('PDF part skipped: pdftotext/pdfinfo (Debian poppler-utils) not installed', () => undefined);
