import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { formatPercentVi } from '../../shared/format/vi';
import { ARTIFACTS, launch, openApp, screenshot } from './support/browser';
import { PROVINCE, VT_PLAN, setUpCity } from './support/setup';
import { WARDS, specOf, wardPackage, writeScenario, type Scenario } from './support/packages';

// Journey: the city (UBND thành phố Vũng Tàu, consolidating) receives its wards' May 2024
// packages through the file chooser (16 of 17 wards, 3 late, one resent twice, one superseded,
// one copy edited after signing), trusts each ward's key after comparing its fingerprint, reads
// the board and an indicator roll-up, and exports a signed consolidated package that the
// command line verifies, every ward's signature inside included.
const PLAN = VT_PLAN;



const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });
const outcomeOf = (page: Page, file: string) => page.getByRole('table', { name: 'Kết quả nhận gói' }).getByRole('row').filter({ hasText: file }).locator('td').nth(4);

type Dropped = { name: string; bytes: Uint8Array };

/**
 * Drops files on the import zone as a file manager would: a `drop` event whose DataTransfer holds
 * File objects built in the page from the bytes. With `cancel` (a number of files), clicks “Dừng nhận”
 * in the page once that many files are done (a round trip through Playwright could come after the last).
 */
async function drop(page: Page, files: readonly Dropped[], cancel = 0): Promise<boolean> {
  const payload = files.map((f) => ({ name: f.name, b64: Buffer.from(f.bytes).toString('base64') }));
  return page.evaluate(async ({ payload, cancel }) => {
    const dt = new DataTransfer();
    for (const f of payload) dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name, { type: 'application/json' }));
    const zone = document.querySelector('[role="region"][aria-label="Thả các tệp gói hoặc thư mục vào đây"]');
    if (!zone) return false;
    zone.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: dt }));
    zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
    if (cancel === 0) return true;
    for (let i = 0; i < 5000; i++) {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Dừng nhận');
      const progress = document.querySelector('progress');
      if (button && progress && progress.value >= cancel) { button.click(); return true; }
      await new Promise((r) => setTimeout(r, 2));
    }
    return false;
  }, { payload, cancel });
}

/** Accepts every pending key, each after reading its fingerprint (the row read is the row accepted). */
async function trustAll(page: Page) {
  await tab(page, 'Khóa tin cậy').click();
  const keys = page.getByRole('table', { name: 'Khóa ký chờ xác nhận' });
  const accept = keys.getByRole('button', { name: /^Đã đối chiếu, tin cậy khóa của/u });
  await expect.poll(() => accept.count()).toBeGreaterThan(0);
  for (let i = 0; i < 20 && !(await page.getByText('Không có khóa nào đang chờ.').isVisible()); i++) {
    const fingerprint = await keys.locator('code.fingerprint').first().textContent();
    await keys.getByRole('row').filter({ hasText: fingerprint ?? '' }).getByRole('button', { name: /^Đã đối chiếu/u }).click();
    await expect.poll(async () => (await keys.locator('code.fingerprint').allTextContents()).includes(fingerprint ?? ''), { timeout: 15_000 }).toBe(false);
    await expect.poll(async () => (await accept.count()) === 0 || (await accept.first().isEnabled()), { timeout: 15_000 }).toBe(true);
  }
  await expect.poll(() => page.getByText('Không có khóa nào đang chờ.').isVisible(), { timeout: 15_000 }).toBe(true);
}

async function openConsolidation(page: Page) {
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('button', { name: 'Tổng hợp' }).click();
  await page.getByLabel('Kế hoạch', { exact: true }).selectOption({ label: PLAN });
  await page.getByLabel('Kỳ báo cáo', { exact: true }).selectOption({ label: 'Tháng 5/2024' });
  await expect.poll(() => page.getByText(/17 đơn vị phải báo cáo/u).isVisible()).toBe(true);
}

describe('consolidation journey', () => {
  let browser: Browser;
  let current: Page | null = null;
  let scenario: Scenario;
  /** The city's signed consolidated package, exported by the first journey for the province's. */
  let cityPackage: string | null = null;
  beforeAll(async () => {
    browser = await launch();
    scenario = await writeScenario(`${ARTIFACTS}/consolidation-inbox`);
  });
  afterEach(async (ctx) => { if (ctx.task.result?.state === 'fail' && current) await screenshot(current, 'consolidation-failed'); });
  afterAll(async () => { await browser?.close(); });

  it('receives 17 wards\' May 2024 packages, judges each, rolls up, and exports a consolidated package that verifies', async () => {
    const { page } = await openApp(browser);
    current = page;
    await setUpCity(page);
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('button', { name: 'Tổng hợp' }).click();
    await page.getByLabel('Kế hoạch', { exact: true }).selectOption({ label: PLAN });
    await page.getByLabel('Kỳ báo cáo', { exact: true }).selectOption({ label: 'Tháng 5/2024' });
    await expect.poll(() => page.getByText(/17 đơn vị phải báo cáo · hạn nộp 12\/05\/2024/u).isVisible()).toBe(true);

    // Import through the file chooser: 19 files.
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Chọn tệp gói…' }).click();
    await (await chooser).setFiles(scenario.files);
    const results = page.getByRole('table', { name: 'Kết quả nhận gói' });
    await expect.poll(() => results.getByRole('row').count(), { timeout: 30_000 }).toBe(scenario.files.length + 1);
    await expect.poll(() => page.getByText(`Đã kiểm tra ${scenario.files.length}/${scenario.files.length} tệp`).isVisible()).toBe(true);
    // No key is trusted yet: every genuine file waits, the edited copy is refused, the resent copy is a duplicate.
    expect(await outcomeOf(page, 'p3-da-sua.json').textContent()).toContain('Từ chối (bad-signature)');
    expect(await results.getByRole('row').filter({ hasText: 'p3-da-sua.json' }).textContent()).toContain('đã bị thay đổi sau khi ký');
    expect(await outcomeOf(page, 'p4-gui-lai.json').textContent()).toBe('Trùng, bỏ qua');
    expect(await outcomeOf(page, 'p7.json').textContent()).toContain('unknown-key');
    await screenshot(page, 'consolidation-1-import-held');

    // Trust each ward's key after comparing its fingerprint (groups of 4).
    await tab(page, 'Khóa tin cậy').click();
    const keys = page.getByRole('table', { name: 'Khóa ký chờ xác nhận' });
    await expect.poll(() => keys.getByRole('row').count()).toBe(17);
    expect(await keys.locator('code.fingerprint').first().textContent()).toMatch(/^([A-Z2-7]{4} ){6}[A-Z2-7]{2}$/u);
    await screenshot(page, 'consolidation-2-keys');
    for (let left = 16; left > 0; left--) {
      await keys.getByRole('button', { name: /^Đã đối chiếu, tin cậy khóa của/u }).first().click();
      await expect.poll(() => page.getByRole('table', { name: 'Khóa ký chờ xác nhận' }).getByRole('row').count(), { timeout: 15_000 }).toBe(left === 1 ? 0 : left);
    }
    await expect.poll(() => page.getByText('Không có khóa nào đang chờ.').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('table', { name: 'Khóa đã tin cậy' }).getByRole('row').count()).toBe(17);

    await tab(page, 'Nhận gói').click();
    await expect.poll(() => outcomeOf(page, 'p7.json').textContent()).toBe('Chấp nhận');
    expect(await outcomeOf(page, 'p5.json').textContent()).toBe('Chấp nhận, thay bản trước');
    expect(await outcomeOf(page, 'p5-lan-1.json').textContent()).toBe('Đã có bản mới hơn');
    expect(await outcomeOf(page, 'p4-gui-lai.json').textContent()).toBe('Trùng, bỏ qua');
    expect(await outcomeOf(page, 'p3-da-sua.json').textContent()).toContain('bad-signature');
    await expect.poll(() => page.getByText('Xong: 19 tệp. 16 được chấp nhận, 1 cần xử lý.').isVisible()).toBe(true);
    await screenshot(page, 'consolidation-3-import-done');

    // The board: 13 on time, 3 late, Xã Long Sơn missing.
    await tab(page, 'Tình hình nộp').click();
    await expect.poll(() => page.getByRole('status', { name: 'Tình hình nộp' }).textContent())
      .toBe('Đúng hạn: 13 · Trễ hạn: 3 · Chưa nộp: 1 · Xung đột: 0 · Tổng: 17');
    const board = page.getByRole('table', { name: 'Tình hình nộp báo cáo Tháng 5/2024' });
    expect(await board.getByRole('row', { name: /Xã Long Sơn/u }).textContent()).toContain('Chưa nộp');
    expect(await board.getByRole('row', { name: /Phường 11/u }).textContent()).toContain('Trễ hạn');
    expect(await board.getByRole('row', { name: /Phường 5/u }).textContent()).toContain('2 (1)');
    expect((await board.getByRole('rowheader').allTextContents()).slice(0, 3)).toEqual(['Phường 1', 'Phường 2', 'Phường 3']);
    await screenshot(page, 'consolidation-4-board');
    await page.getByLabel('Lọc', { exact: true }).selectOption({ label: 'Trễ hạn' });
    await expect.poll(() => board.getByRole('row').count()).toBe(4);
    await page.getByLabel('Lọc', { exact: true }).selectOption({ label: 'Tất cả' });
    const csvDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Xuất danh sách chưa nộp (CSV)' }).click();
    const csvPath = `${ARTIFACTS}/consolidation-missing.csv`;
    await (await csvDownload).saveAs(csvPath);
    expect(readFileSync(csvPath, 'utf8')).toContain('1,brvt.vung-tau.long-son,Xã Long Sơn');

    // Indicator I.1 (i.1.1): the sum of numerators over the sum of denominators of the 16 wards
    // that count, Phường 5 with its sequence 2: Σ(200+7n)+30 = 4070 over Σ(250+5n) = 4600.
    const numerator = scenario.counted.reduce((s, w) => s + w.numerator, 0);
    const denominator = scenario.counted.reduce((s, w) => s + w.denominator, 0);
    expect([numerator, denominator, scenario.counted.length]).toEqual([4070, 4600, 16]);
    await tab(page, 'Số liệu tổng hợp').click();
    const indicators = page.getByRole('table', { name: 'Chỉ tiêu: giá trị tổng hợp' });
    const row = indicators.locator('tr[data-item="i.1.1"]');
    await expect.poll(() => row.locator('td').nth(3).textContent()).toBe(formatPercentVi((100 * 4070) / 4600));
    expect(await row.locator('td').nth(3).textContent()).toBe('88,48%');
    expect(await row.locator('td').nth(4).textContent()).toBe('4.070 / 4.600');
    expect(await row.locator('td').nth(6).textContent()).toBe('Chưa đạt');
    await expect.poll(() => page.getByText('16 đơn vị có báo cáo được tính').isVisible()).toBe(true);
    await screenshot(page, 'consolidation-5-merged');

    // Upward: the signed consolidated package carries the 16 counted ward packages verbatim.
    await tab(page, 'Phản hồi và báo cáo lên').click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Xuất gói tổng hợp có ký số' }).click();
    const file = await download;
    mkdirSync(ARTIFACTS, { recursive: true });
    const path = `${ARTIFACTS}/${file.suggestedFilename()}`;
    await file.saveAs(path);
    cityPackage = path;
    await expect.poll(() => page.getByText(/mang 16 gói/u).isVisible()).toBe(true);
    await screenshot(page, 'consolidation-6-receipts');
    const pkg = JSON.parse(readFileSync(path, 'utf8')) as { kind: string; header: { unitId: string; period: string }; payload: { children: { header: { unitId: string; sequence: number } }[]; summary: { counts: Record<string, number> } } };
    expect(pkg).toMatchObject({ kind: 'consolidated', header: { unitId: 'brvt.vung-tau', period: '2024-05' } });
    expect(pkg.payload.children.map((c) => c.header.unitId).sort()).toEqual(WARDS.filter((w) => !w.endsWith('long-son')).sort());
    expect(pkg.payload.children.find((c) => c.header.unitId === 'brvt.vung-tau.p5')?.header.sequence).toBe(2);
    expect(pkg.payload.summary.counts).toMatchObject({ 'on-time': 13, late: 3, missing: 1 });

    // A receipt back to Phường 1, its report approved.
    await page.getByRole('button', { name: 'Duyệt báo cáo của Phường 1', exact: true }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Phản hồi cho đơn vị (biên nhận có ký số)' }).getByRole('row').nth(1).textContent()).toContain('Đã duyệt');
    const receiptDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Xuất biên nhận cho Phường 1', exact: true }).click();
    const receiptPath = `${ARTIFACTS}/${(await receiptDownload).suggestedFilename()}`;
    await (await receiptDownload).saveAs(receiptPath);
    const receipt = JSON.parse(readFileSync(receiptPath, 'utf8')) as { kind: string; payload: { received: { unitId: string; reason: string; review?: { state: string } }[] } };
    expect(receipt.kind).toBe('receipt');
    expect(receipt.payload.received).toEqual([expect.objectContaining({ unitId: 'brvt.vung-tau.p1', reason: 'ok', review: { state: 'approved', comments: [] } })]);

    if (!existsSync('dist/cli/planbook.mjs')) execFileSync(process.execPath, ['scripts/build-node.mjs'], { stdio: 'ignore' });
    const out = execFileSync(process.execPath, ['bin/planbook.mjs', 'verify', path, receiptPath, '--json'], { encoding: 'utf8' });
    const rows = JSON.parse(out) as { reason: string; kind: string; children?: { unitId: string; reason: string }[] }[];
    expect(rows[0]).toMatchObject({ reason: 'ok', kind: 'consolidated' });
    expect(rows[1]).toMatchObject({ reason: 'ok', kind: 'receipt' });
    expect(rows[0]?.children).toHaveLength(16);
    expect(rows[0]?.children?.every((c) => c.reason === 'ok')).toBe(true);

    // Since the report was sent: nothing, then Phường 1 sends a corrected report (30 more online procedures).
    await tab(page, 'Số liệu tổng hợp').click();
    const since = page.getByRole('region', { name: 'Thay đổi so với báo cáo tổng hợp đã gửi' });
    await since.getByRole('button', { name: 'So sánh với báo cáo tổng hợp đã gửi' }).click();
    await expect.poll(() => since.getByText('Không có gì thay đổi kể từ báo cáo đã gửi.').isVisible()).toBe(true);
    await tab(page, 'Nhận gói').click();
    expect(await drop(page, [{ name: 'p1-lan-2.json', bytes: await wardPackage(specOf('brvt.vung-tau.p1', 0, 2)) }])).toBe(true);
    await expect.poll(() => outcomeOf(page, 'p1-lan-2.json').textContent()).toBe('Chấp nhận, thay bản trước');
    await tab(page, 'Số liệu tổng hợp').click();
    await since.getByRole('button', { name: 'So sánh với báo cáo tổng hợp đã gửi' }).click();
    await expect.poll(() => since.getByText('Gói thay thế gói đã tính: Phường 1 (lần gửi 1 → 2).').isVisible()).toBe(true);
    const moved = since.getByRole('table', { name: 'Các mục có số liệu thay đổi so với báo cáo đã gửi' }).locator('tr[data-item="i.1.1"]');
    expect(await moved.locator('td').nth(0).textContent()).toContain(formatPercentVi((100 * 4070) / 4600));
    expect(await moved.locator('td').nth(1).textContent()).toContain(formatPercentVi((100 * 4100) / 4600));
    await screenshot(page, 'consolidation-6b-since-sent');
  });
  it('as the province, imports the city\'s consolidated package: every ward re-verified, a ward also received directly counts once', async () => {
    expect(cityPackage).not.toBeNull();
    const { page } = await openApp(browser);
    current = page;
    await setUpCity(page, PROVINCE);
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('button', { name: 'Tổng hợp' }).click();
    await page.getByLabel('Kế hoạch', { exact: true }).selectOption({ label: PLAN });
    await page.getByLabel('Kỳ báo cáo', { exact: true }).selectOption({ label: 'Tháng 5/2024' });

    // The city's package, and Phường 1's own package sent straight to the province as well.
    const p1 = scenario.files.find((f) => f.endsWith('/p1.json')) ?? '';
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Chọn tệp gói…' }).click();
    await (await chooser).setFiles([cityPackage ?? '', p1]);
    await expect.poll(() => page.getByText('Đã kiểm tra 2/2 tệp').isVisible(), { timeout: 30_000 }).toBe(true);

    // Keys, compared by fingerprint as the city did: the city's first, then each ward's inside its package.
    await tab(page, 'Khóa tin cậy').click();
    const keys = page.getByRole('table', { name: 'Khóa ký chờ xác nhận' });
    await expect.poll(() => keys.getByRole('row').count()).toBe(3);
    const accept = keys.getByRole('button', { name: /^Đã đối chiếu, tin cậy khóa của/u });
    for (let i = 0; i < 20 && !(await page.getByText('Không có khóa nào đang chờ.').isVisible()); i++) {
      const fingerprint = await keys.locator('code.fingerprint').first().textContent();
      // The list can grow while the city's package is verified again: accept the key read, by its row.
      await keys.getByRole('row').filter({ hasText: fingerprint ?? '' }).getByRole('button', { name: /^Đã đối chiếu/u }).click();
      await expect.poll(async () => (await keys.locator('code.fingerprint').allTextContents()).includes(fingerprint ?? ''), { timeout: 15_000 }).toBe(false);
      await expect.poll(async () => (await accept.count()) === 0 || (await accept.first().isEnabled()), { timeout: 15_000 }).toBe(true);
      if (i === 0) await screenshot(page, 'consolidation-7-province-keys');
    }
    await expect.poll(() => page.getByText('Không có khóa nào đang chờ.').isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => page.getByRole('table', { name: 'Khóa đã tin cậy' }).getByRole('row').count()).toBe(18);

    // The import table: the city's package accepted, and under it each ward's own verdict.
    await tab(page, 'Nhận gói').click();
    const cityFile = cityPackage?.split('/').pop() ?? '';
    await expect.poll(() => outcomeOf(page, cityFile).textContent(), { timeout: 15_000 }).toBe('Chấp nhận');
    expect(await outcomeOf(page, 'p1.json').textContent()).toBe('Chấp nhận');
    const results = page.getByRole('table', { name: 'Kết quả nhận gói' });
    const children = results.locator('tr.child');
    await expect.poll(() => children.count()).toBe(16);
    expect(await children.locator('td:nth-child(5)').allTextContents()).toEqual(Array.from({ length: 16 }, () => 'Chữ ký hợp lệ'));
    const wards = await children.locator('td:nth-child(2)').allTextContents();
    expect(new Set(wards).size).toBe(16);
    expect(wards).toContain('Phường 1');
    expect(wards).not.toContain('Xã Long Sơn');
    expect(await results.getByRole('row').filter({ hasText: cityFile }).first().textContent()).toContain('16 gói có chữ ký hợp lệ');
    await screenshot(page, 'consolidation-8-province-import');

    // The board: the city reported with its consolidated package.
    await tab(page, 'Tình hình nộp').click();
    const board = page.getByRole('table', { name: 'Tình hình nộp báo cáo Tháng 5/2024' });
    await expect.poll(() => board.getByRole('row', { name: /thành phố Vũng Tàu/u }).textContent()).toContain('gói tổng hợp');
    expect(await board.getByRole('row', { name: /thành phố Vũng Tàu/u }).textContent()).not.toContain('Chưa nộp');
    await screenshot(page, 'consolidation-9-province-board');

    // Merged: the 16 wards, Phường 1 once although it arrived twice; the same roll-up as the city's.
    await tab(page, 'Số liệu tổng hợp').click();
    await expect.poll(() => page.getByText('16 đơn vị có báo cáo được tính').isVisible()).toBe(true);
    const row = page.getByRole('table', { name: 'Chỉ tiêu: giá trị tổng hợp' }).locator('tr[data-item="i.1.1"]');
    expect(await row.locator('td').nth(3).textContent()).toBe('88,48%');
    expect(await row.locator('td').nth(4).textContent()).toBe('4.070 / 4.600');
    expect(await row.locator('td').nth(5).textContent()).toBe('16');
    await screenshot(page, 'consolidation-10-province-merged');
  });
  it('drops April and May files: changes since April, a conflict chosen, a report returned with comments that reach the receipt', async () => {
    const { page } = await openApp(browser);
    current = page;
    await setUpCity(page);
    await openConsolidation(page);
    const [p1, p2, p7] = ['brvt.vung-tau.p1', 'brvt.vung-tau.p2', 'brvt.vung-tau.p7'];
    const april = (unitId: string, n: number, status: 'not-started' | 'in-progress') =>
      wardPackage({ ...specOf(unitId, n), createdAt: '2024-04-11T15:00:00+07:00', status }, '2024-04');
    const p7May = specOf(p7, 5);
    const files: Dropped[] = [
      { name: 'p1-thang-4.json', bytes: await april(p1, 0, 'in-progress') },
      { name: 'p2-thang-4.json', bytes: await april(p2, 1, 'not-started') },
      { name: 'p1.json', bytes: await wardPackage(specOf(p1, 0)) }, // task 1.1 done in May (n = 0)
      { name: 'p2.json', bytes: await wardPackage(specOf(p2, 1)) }, // in progress in May
      { name: 'p7-ban-a.json', bytes: await wardPackage(p7May) },
      { name: 'p7-ban-b.json', bytes: await wardPackage({ ...p7May, numerator: p7May.numerator + 1 }) },
    ];
    expect(await drop(page, files)).toBe(true);
    await expect.poll(() => page.getByText('Đã kiểm tra 6/6 tệp').isVisible(), { timeout: 30_000 }).toBe(true);
    const results = page.getByRole('table', { name: 'Kết quả nhận gói' });
    expect(await results.getByRole('row').count()).toBe(7);
    await trustAll(page);
    await tab(page, 'Nhận gói').click();
    await expect.poll(() => outcomeOf(page, 'p7-ban-b.json').textContent(), { timeout: 15_000 }).toBe('Xung đột');
    expect(await outcomeOf(page, 'p1-thang-4.json').textContent()).toBe('Chấp nhận');
    await screenshot(page, 'consolidation-11-dropped');

    // The conflict side by side: keep version b; version a is set aside, evidence only.
    await tab(page, 'Tình hình nộp').click();
    const counts = page.getByRole('status', { name: 'Tình hình nộp' });
    await expect.poll(() => counts.textContent()).toBe('Đúng hạn: 3 · Trễ hạn: 0 · Chưa nộp: 14 · Xung đột: 1 · Tổng: 17');
    const conflict = page.getByRole('region', { name: 'Xung đột của Phường 7, lần gửi 1' });
    await expect.poll(() => conflict.getByRole('article').count()).toBe(2);
    expect(await conflict.textContent()).toContain('Khác nhau ở 1 mục');
    await screenshot(page, 'consolidation-12-conflict');
    await conflict.getByRole('button', { name: 'Dùng bản này (p7-ban-b.json)' }).click();
    await expect.poll(() => counts.textContent()).toBe('Đúng hạn: 3 · Trễ hạn: 0 · Chưa nộp: 14 · Xung đột: 0 · Tổng: 17');
    await tab(page, 'Nhận gói').click();
    await expect.poll(() => outcomeOf(page, 'p7-ban-a.json').textContent()).toBe('Đã gác lại');
    expect(await outcomeOf(page, 'p7-ban-b.json').textContent()).toBe('Chấp nhận');

    // Changes since April: task 1.1 moved on at Phường 1 and Phường 2.
    await tab(page, 'Số liệu tổng hợp').click();
    const changes = page.getByRole('table', { name: 'Thay đổi so với kỳ trước (Tháng 4/2024)' });
    await expect.poll(() => changes.getByRole('row').count()).toBe(3);
    const rows = [];
    for (let i = 1; i < 3; i++) rows.push((await changes.getByRole('row').nth(i).locator('td').allTextContents()));
    expect(rows).toEqual([['Phường 1', 'Đang triển khai', 'Hoàn thành'], ['Phường 2', 'Chưa triển khai', 'Đang triển khai']]);
    expect(await changes.locator('tr[data-item="t.1.1"]').count()).toBe(2);
    await changes.scrollIntoViewIfNeeded();
    await screenshot(page, 'consolidation-13-changes');

    // Return Phường 1's report with a comment on item 1.1; the receipt carries it.
    await tab(page, 'Phản hồi và báo cáo lên').click();
    await page.getByRole('button', { name: 'Trả lại Phường 1 để bổ sung', exact: true }).first().click();
    const form = page.locator('.review-form');
    await form.getByLabel('Mục cần bổ sung').selectOption('t.1.1');
    await form.getByLabel('Nội dung yêu cầu bổ sung').fill('Bổ sung danh sách thiết bị đã mua');
    await form.getByRole('button', { name: 'Thêm ý kiến' }).click();
    await expect.poll(() => form.getByRole('listitem').count()).toBe(1);
    await screenshot(page, 'consolidation-14-return');
    await form.getByRole('button', { name: 'Trả lại Phường 1 để bổ sung', exact: true }).click();
    const receipts = page.getByRole('table', { name: 'Phản hồi cho đơn vị (biên nhận có ký số)' });
    await expect.poll(() => receipts.getByRole('row', { name: /Phường 1/u }).textContent()).toContain('Trả lại bổ sung (1 ý kiến)');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Xuất biên nhận cho Phường 1', exact: true }).click();
    const receiptPath = `${ARTIFACTS}/tra-lai-${(await download).suggestedFilename()}`;
    await (await download).saveAs(receiptPath);
    const receipt = JSON.parse(readFileSync(receiptPath, 'utf8')) as { kind: string; payload: { received: { unitId: string; period: string; reason: string; review?: unknown }[] } };
    expect(receipt.kind).toBe('receipt');
    const may = receipt.payload.received.find((r) => r.period === '2024-05');
    expect(may).toMatchObject({ unitId: p1, reason: 'ok', review: { state: 'returned', comments: [{ itemId: 't.1.1', text: 'Bổ sung danh sách thiết bị đã mua' }] } });
  });

  it('stops an import of 400 dropped files part way: what was verified is kept, the rest is not received', async () => {
    const { page } = await openApp(browser);
    current = page;
    await setUpCity(page);
    await openConsolidation(page);
    const files: Dropped[] = [];
    for (let seq = 1; seq <= 400; seq++) files.push({ name: `p1-lan-${seq}.json`, bytes: await wardPackage(specOf('brvt.vung-tau.p1', 0, seq)) });
    expect(await drop(page, files, 5)).toBe(true);
    const stopped = page.getByText(/^Đã dừng sau \d+\/400 tệp/u);
    await expect.poll(() => stopped.isVisible(), { timeout: 30_000 }).toBe(true);
    const done = Number(/sau (\d+)\//u.exec((await stopped.textContent()) ?? '')?.[1]);
    expect(done).toBeGreaterThanOrEqual(5);
    expect(done).toBeLessThan(400);
    await page.waitForTimeout(500); // nothing more arrives after the stop
    expect(await page.getByRole('table', { name: 'Kết quả nhận gói' }).getByRole('row').count()).toBe(done + 1);
    expect(await page.getByRole('button', { name: 'Dừng nhận' }).count()).toBe(0);
    await screenshot(page, 'consolidation-15-cancelled');
  });
});
