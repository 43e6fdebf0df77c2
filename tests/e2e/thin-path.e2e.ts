import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { THANG_TAM, choosePeriod, nav, setUpCity, setUpUnit } from './support/setup';
import { ARTIFACTS, launch, openApp, screenshot } from './support/browser';

// The thin path across two installations: a ward fills one item and exports a signed package;
// the city imports it, trusts the ward's key after comparing the fingerprint, sees it on the
// board and prints the consolidated report in the official format; the ward prints its own.




async function expectOfficialPreview(page: Page, unitLine: string) {
  const sheet = page.getByRole('article', { name: 'Bản xem trước báo cáo' });
  await expect.poll(() => sheet.isVisible()).toBe(true);
  const text = (await sheet.textContent()) ?? '';
  expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
  expect(text).toContain('BÁO CÁO');
  expect(text).toContain(unitLine);
}

describe('thin path: ward → city → print', () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launch(); });
  afterAll(async () => { await browser?.close(); });

  it('carries one ward report from its office to the city report', async () => {
    // The ward.
    const { page: ward } = await openApp(browser);
    await setUpUnit(ward, THANG_TAM);
    await nav(ward, 'Báo cáo tiến độ');
    await choosePeriod(ward);
    await ward.getByRole('button', { name: 'Nhập báo cáo kỳ này' }).click();
    const items = ward.getByRole('listbox', { name: 'Các mục được giao' });
    await items.getByRole('option').nth(1).click();
    await ward.getByLabel('Tình trạng').selectOption({ label: 'Đang triển khai' });
    await ward.getByLabel(/^Giá trị đạt được/u).fill('23.391/23.802 hồ sơ');
    await expect.poll(() => ward.getByText('= 98,27%').isVisible()).toBe(true);
    const steps = ward.getByRole('navigation', { name: 'Các bước báo cáo' });
    await steps.getByRole('button', { name: 'Kiểm tra và xuất' }).click();
    // Only one item is filled: the report is incomplete and says so, item by item.
    await expect.poll(() => ward.getByText(/vấn đề phải xử lý trước khi xuất/u).isVisible()).toBe(true);

    // Every other item: not started yet (an indicator not started needs no value).
    await steps.getByRole('button', { name: 'Nhập báo cáo' }).click();
    const options = items.getByRole('option');
    const count = await options.count();
    for (let i = 2; i < count; i++) {
      await options.nth(i).click();
      await ward.getByLabel('Tình trạng').selectOption({ label: 'Chưa triển khai' });
    }
    await steps.getByRole('button', { name: 'Kiểm tra và xuất' }).click();
    await expect.poll(() => ward.getByText('Báo cáo đã đủ thông tin, có thể xuất.').isVisible(), { timeout: 10_000 }).toBe(true);

    await ward.getByRole('button', { name: 'In báo cáo (thể thức hành chính)' }).click();
    await expectOfficialPreview(ward, 'PHƯỜNG THẮNG TAM');
    await screenshot(ward, 'thin-1-ward-report');
    mkdirSync(ARTIFACTS, { recursive: true });
    await ward.pdf({ path: `${ARTIFACTS}/thin-ward-report.pdf`, preferCSSPageSize: true, printBackground: true });
    const pdfText = execFileSync('pdftotext', ['-layout', `${ARTIFACTS}/thin-ward-report.pdf`, '-'], { encoding: 'utf8' });
    expect(pdfText).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(pdfText).not.toContain('Ký và xuất báo cáo'); // the app around the report is not printed
    await ward.getByRole('button', { name: 'Đóng (Esc)' }).click();

    const download = ward.waitForEvent('download');
    await ward.getByRole('button', { name: 'Ký và xuất báo cáo' }).click();
    const exported = await download;
    const wardFile = `${ARTIFACTS}/${exported.suggestedFilename()}`;
    await exported.saveAs(wardFile);
    await ward.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('button', { name: 'Cài đặt' }).click();
    const wardFingerprint = await ward.getByLabel('Dấu vân tay khóa (đọc qua điện thoại để đơn vị tổng hợp đối chiếu)').textContent();

    // The city, another installation.
    const { page: city } = await openApp(browser);
    await setUpCity(city);
    await nav(city, 'Tổng hợp');
    await choosePeriod(city);
    const chooser = city.waitForEvent('filechooser');
    await city.getByRole('button', { name: 'Chọn tệp gói…' }).click();
    await (await chooser).setFiles(wardFile);
    await expect.poll(() => city.getByText('Đã kiểm tra 1/1 tệp').isVisible(), { timeout: 30_000 }).toBe(true);

    // The key is unknown until the officer compares the fingerprint read over the phone.
    await city.getByRole('tab', { name: 'Khóa tin cậy', exact: true }).click();
    const pending = city.getByRole('table', { name: 'Khóa ký chờ xác nhận' });
    await expect.poll(() => pending.locator('code.fingerprint').first().textContent()).toBe(wardFingerprint);
    await pending.getByRole('button', { name: /^Đã đối chiếu, tin cậy khóa của/u }).click();
    await city.getByRole('tab', { name: 'Tình hình nộp', exact: true }).click();
    const board = city.getByRole('table', { name: 'Tình hình nộp báo cáo Tháng 5/2024' });
    // Exported today (2026), long after the 12/05/2024 due date: late, and 16 wards missing.
    await expect.poll(() => board.getByRole('row', { name: /Phường Thắng Tam/u }).textContent(), { timeout: 15_000 }).toContain('Trễ hạn');
    await expect.poll(() => city.getByRole('status', { name: 'Tình hình nộp' }).textContent()).toContain('Chưa nộp: 16');

    await city.getByRole('tab', { name: 'Phản hồi và báo cáo lên', exact: true }).click();
    await city.getByRole('button', { name: 'In báo cáo tổng hợp' }).click();
    await expectOfficialPreview(city, 'THÀNH PHỐ VŨNG TÀU');
    const sheet = (await city.getByRole('article', { name: 'Bản xem trước báo cáo' }).textContent()) ?? '';
    expect(sheet).toContain('Phường Thắng Tam');
    expect(sheet).toContain('Xã Long Sơn'); // named among the missing
    await screenshot(city, 'thin-2-city-report');
  });
});
