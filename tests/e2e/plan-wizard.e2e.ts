import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import * as XLSX from 'xlsx';
import { launch, openApp, screenshot } from './support/browser';
import { planWorkbook, toBytes, type RawPlan } from '../helpers/xlsxFixtures';

const PLAN_ID = 'vt-cds-2024-excel';
const TITLE = 'Kế hoạch chuyển đổi số năm 2024 (nhập từ Excel)';

function rawPlan(): RawPlan {
  return JSON.parse(readFileSync('resources/plans/vungtau-cds-2024.json', 'utf8')) as RawPlan;
}

/** The city's appendix in a messy layout; `renamed` gives the deadline column a header the importer does not know. */
function workbook(raw: RawPlan, renamed: boolean): Buffer {
  const wb = planWorkbook(raw, { titles: true, sections: 'merged', repeatHeaderEvery: 12, nfd: true, shuffle: 3, extraColumn: true, blankRows: true });
  if (renamed) {
    for (const ws of Object.values(wb.Sheets)) {
      for (const [addr, cell] of Object.entries(ws)) {
        if (!addr.startsWith('!') && (cell as XLSX.CellObject).v === 'Thời gian hoàn thành') (cell as XLSX.CellObject).v = 'Hạn chót';
      }
    }
  }
  return Buffer.from(toBytes(wb));
}

async function setUp(page: Page, query: string, unit: RegExp, role: RegExp): Promise<void> {
  await page.getByLabel('Tìm đơn vị (gõ không dấu cũng được)').fill(query);
  await page.getByRole('option', { name: unit }).first().click();
  await page.getByRole('radio', { name: role }).check();
  await page.getByRole('checkbox', { name: /Nạp các kế hoạch mẫu/u }).uncheck();
  await page.getByRole('button', { name: 'Bắt đầu sử dụng' }).click();
  await expect.poll(() => page.getByText(/^Chưa có kế hoạch nào/u).isVisible(), { timeout: 15_000 }).toBe(true);
}

async function pickWorkbook(page: Page, name: string, bytes: Buffer): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Chọn tệp Excel (.xlsx, .xls)…' }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes });
}

async function detailsAndConfirm(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await page.getByLabel('Tên kế hoạch').fill(TITLE);
  await page.getByLabel('Mã kế hoạch (không dấu, không khoảng trắng)').fill(PLAN_ID);
  await page.getByLabel('Từ kỳ (vd. 2024)').fill('2024');
  await page.getByLabel('Đến kỳ (vd. 2025)').fill('2024');
  await page.getByRole('checkbox', { name: 'Hằng tháng' }).check();
  await page.getByLabel('Hạn nộp: ngày (của tháng sau kỳ)').fill('12');
  await page.getByLabel('Chốt số liệu: ngày').fill('10');
}

async function publish(page: Page): Promise<{ name: string; bytes: Buffer }> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Phát hành kế hoạch…' }).click();
  const d = await download;
  const path = await d.path();
  return { name: d.suggestedFilename(), bytes: readFileSync(path) };
}

async function importPackage(page: Page, file: { name: string; bytes: Buffer }): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Nhập kế hoạch từ tệp…' }).click();
  await (await chooser).setFiles({ name: file.name, mimeType: 'application/json', buffer: file.bytes });
}

// Journey: the city imports its messy Excel appendix in the wizard, fixes one column mapping and
// a unit name, confirms, publishes a signed plan package; a ward imports it and sees its items.
// The city then publishes revision 2 (one task changed, one removed); the ward reviews the diff.
describe('plan import wizard journey', () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launch(); });
  afterAll(async () => { await browser?.close(); });

  it('imports a workbook, publishes it, and a ward receives it and its next revision', async () => {
    const raw = rawPlan();
    raw.tasks[1] = { ...raw.tasks[1], lead: 'Tổ CNS phường TT' };
    const city = (await openApp(browser)).page;
    await setUp(city, 'vung tau', /^Ủy ban nhân dân thành phố Vũng Tàu/u, /^Đơn vị tổng hợp/u);

    await city.getByRole('button', { name: 'Nhập từ Excel…' }).click();
    await pickWorkbook(city, 'phu-luc-cds-2024.xlsx', workbook(raw, true));
    const counts = city.getByRole('status').filter({ hasText: 'nhiệm vụ' });
    await expect.poll(() => counts.textContent(), { timeout: 15_000 }).toMatch(/32 nhiệm vụ · 42 chỉ tiêu/u);
    const unknownColumn = city.getByText('Cột "Hạn chót" không thuộc mẫu bảng: đã bỏ qua.');
    await expect.poll(() => unknownColumn.count()).toBeGreaterThan(0);
    await screenshot(city, 'plan-wizard-1-preview');

    // The officer maps the unknown column to the deadline: the importer runs again with the change.
    const select = city.getByRole('combobox', { name: /^Cột [A-Z]+ “Hạn chót” dùng làm$/u });
    await select.selectOption({ label: 'Thời gian hoàn thành' });
    await expect.poll(() => unknownColumn.count()).toBe(0);
    await expect.poll(() => select.inputValue()).toBe('due');

    // An unknown unit name is remembered as an alias of the ward.
    await city.getByRole('combobox', { name: 'Đơn vị trong danh mục cho “Tổ CNS phường TT”' }).selectOption({ label: 'Phường Thắng Tam' }).catch(async () => {
      await city.getByRole('searchbox', { name: 'Tìm đơn vị cho “Tổ CNS phường TT”' }).fill('thang tam');
      await city.getByRole('combobox', { name: 'Đơn vị trong danh mục cho “Tổ CNS phường TT”' }).selectOption({ label: 'Phường Thắng Tam' });
    });
    await city.getByRole('button', { name: 'Ghi nhớ “Tổ CNS phường TT” là Phường Thắng Tam' }).click();
    await expect.poll(() => city.getByText('Đã ghi nhớ “Tổ CNS phường TT” là Phường Thắng Tam.').isVisible()).toBe(true);
    await city.getByRole('heading', { name: /^Cảnh báo/u }).scrollIntoViewIfNeeded();
    await screenshot(city, 'plan-wizard-1b-warnings');

    await detailsAndConfirm(city);
    await screenshot(city, 'plan-wizard-2-details');
    await city.getByRole('button', { name: 'Tiếp tục' }).click();
    await expect.poll(() => city.getByText(`Sẽ nhập “${TITLE}” (mã ${PLAN_ID}, lần ban hành 1): 74 dòng.`).isVisible()).toBe(true);
    await city.getByRole('button', { name: 'Xác nhận nhập kế hoạch' }).click();
    await expect.poll(() => city.getByLabel('Chọn kế hoạch').inputValue(), { timeout: 15_000 }).toBe(PLAN_ID);
    await expect.poll(() => city.getByRole('status').filter({ hasText: 'Hiển thị' }).textContent()).toBe('Hiển thị 74/74 dòng');

    const r1 = await publish(city);
    expect(r1.name).toBe(`ke-hoach-${PLAN_ID}-r1.planbook.json`);
    await expect.poll(() => city.getByRole('status').filter({ hasText: 'Đã phát hành' }).textContent()).toMatch(/^Đã phát hành lần 1: /u);
    await screenshot(city, 'plan-wizard-3-published');
    const pkg = JSON.parse(r1.bytes.toString('utf8')) as { kind: string; header: { planRevision: number }; payload: { units: { id: string; publicKeys: unknown[] }[]; items: { due: string }[] } };
    expect(pkg.kind).toBe('plan');
    expect(pkg.header.planRevision).toBe(1);
    expect(pkg.payload.units.find((u) => u.id === 'brvt.vung-tau')?.publicKeys).toHaveLength(1);
    expect(pkg.payload.units.some((u) => u.id === 'brvt.vung-tau.thang-tam')).toBe(true);
    expect(pkg.payload.items.filter((i) => i.due === '2024').length).toBe(32); // the remapped column

    // A ward in another browser profile imports the published package with the ordinary button.
    const ward = (await openApp(browser)).page;
    await setUp(ward, 'thang tam', /Phường Thắng Tam/u, /^Đơn vị báo cáo/u);
    await importPackage(ward, r1);
    await expect.poll(() => ward.getByRole('status').filter({ hasText: 'Đã nhập' }).textContent()).toContain(TITLE);
    await ward.getByRole('radio', { name: 'Giao cho đơn vị tôi' }).check();
    await expect.poll(() => ward.getByRole('status').filter({ hasText: 'Hiển thị' }).textContent()).toMatch(/^Hiển thị (7[0-4])\/74 dòng$/u);
    await screenshot(ward, 'plan-wizard-4-ward');

    // Revision 2: the office fixed its header, changed one task and dropped the last one.
    const raw2 = rawPlan();
    raw2.tasks[1] = { ...raw2.tasks[1], lead: 'Tổ CNS phường TT' };
    raw2.tasks[0] = { ...raw2.tasks[0], due: 'Quý II/2024' };
    raw2.tasks.pop();
    await city.getByRole('button', { name: 'Nhập từ Excel…' }).click();
    await pickWorkbook(city, 'phu-luc-cds-2024-sua.xlsx', workbook(raw2, false));
    await expect.poll(() => counts.textContent(), { timeout: 15_000 }).toMatch(/31 nhiệm vụ · 42 chỉ tiêu/u);
    await detailsAndConfirm(city);
    await city.getByRole('button', { name: 'Tiếp tục' }).click();
    await expect.poll(() => city.getByRole('region', { name: 'Bỏ ra (1)' }).isVisible()).toBe(true);
    await expect.poll(() => city.getByRole('region', { name: 'Thay đổi (1)' }).isVisible()).toBe(true);
    await screenshot(city, 'plan-wizard-5-revision-confirm');
    await city.getByRole('button', { name: 'Xác nhận nhập kế hoạch' }).click();
    await expect.poll(() => city.getByRole('status').filter({ hasText: 'Hiển thị' }).textContent(), { timeout: 15_000 }).toBe('Hiển thị 73/73 dòng');
    const r2 = await publish(city);
    expect(r2.name).toBe(`ke-hoach-${PLAN_ID}-r2.planbook.json`);

    await importPackage(ward, r2);
    await expect.poll(() => ward.getByRole('heading', { name: 'Kế hoạch có bản mới' }).isVisible()).toBe(true);
    await expect.poll(() => ward.getByRole('region', { name: 'Bỏ ra (1)' }).isVisible()).toBe(true);
    await expect.poll(() => ward.getByText('Thời gian hoàn thành: “2024” → “Quý II/2024”').isVisible()).toBe(true);
    await screenshot(ward, 'plan-wizard-6-ward-revision');
    await ward.getByRole('button', { name: 'Nhập bản mới' }).click();
    await expect.poll(() => ward.getByRole('status').filter({ hasText: 'Đã nhập lần ban hành 2' }).textContent()).toContain('1 thay đổi, 1 bỏ ra');
    await ward.getByRole('button', { name: 'Về danh sách kế hoạch' }).click();
    await ward.getByRole('radio', { name: 'Tất cả' }).check();
    await expect.poll(() => ward.getByRole('status').filter({ hasText: 'Hiển thị' }).textContent()).toBe('Hiển thị 73/73 dòng');
  });
});
