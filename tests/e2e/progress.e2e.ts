import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { THANG_TAM, VT_PLAN, setUpUnit } from './support/setup';
import { ARTIFACTS, launch, openApp, screenshot } from './support/browser';

// Journey: Phường Thắng Tam fills its May 2024 report on the Vũng Tàu city plan by keyboard,
// reloads mid-typing (nothing lost), sees invalid input kept with a message, exports a signed
// package and the command line verifies the downloaded file.
const PLAN = VT_PLAN;


async function openMay(page: Page) {
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('button', { name: 'Báo cáo tiến độ' }).click();
  const plan = page.getByLabel('Kế hoạch', { exact: true });
  await expect.poll(() => plan.isVisible()).toBe(true);
  await plan.selectOption({ label: PLAN });
  await page.getByLabel('Kỳ báo cáo', { exact: true }).selectOption({ label: 'Tháng 5/2024' });
}

const list = (page: Page) => page.getByRole('listbox', { name: 'Các mục được giao' });
const selectedText = (page: Page) => list(page).locator('[aria-selected="true"]').textContent();

describe('progress journey', () => {
  let browser: Browser;
  let current: Page | null = null;
  beforeAll(async () => { browser = await launch(); });
  afterEach(async (ctx) => { if (ctx.task.result?.state === 'fail' && current) await screenshot(current, 'progress-failed'); });
  afterAll(async () => { await browser?.close(); });

  it('fills the May 2024 report by keyboard, survives a reload, exports a package that verifies', async () => {
    const { page } = await openApp(browser);
    current = page;
    await setUpUnit(page, THANG_TAM);
    await openMay(page);
    await expect.poll(() => page.getByText('Tháng 5/2024: số liệu từ 11/04/2024 đến 10/05/2024').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Hạn nộp báo cáo: 12/05/2024').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Chưa bắt đầu').isVisible()).toBe(true);
    await screenshot(page, 'progress-1-home');

    await page.getByRole('button', { name: 'Nhập báo cáo kỳ này' }).click();
    const nav = list(page);
    await expect.poll(() => nav.getByRole('option').count()).toBe(75); // the narrative + 42 indicators + 32 tasks + 0 projects
    // Keyboard only from here: the list, Enter into the form, Tab between fields, Ctrl+Enter to the next item.
    await nav.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('pf-narrative');
    await page.keyboard.type('Trong tháng 5/2024, UBND phường Thắng Tam tiếp tục triển khai các nhiệm vụ chuyển đổi số.');
    await nav.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('pf-status');
    expect(await selectedText(page)).toContain('thủ tục hành chính');

    // Indicator 1 (target 100%): status by arrow keys, percent, then the value as a ratio of records.
    await page.keyboard.press('ArrowDown'); await page.keyboard.press('ArrowDown'); // Chưa triển khai → Đang triển khai
    await page.keyboard.press('Tab'); await page.keyboard.type('98,27');
    await page.keyboard.press('Tab'); // completion date stays empty
    await page.keyboard.press('Tab'); await page.keyboard.type('23.391/23.802 hồ sơ');
    await expect.poll(() => page.getByText('= 98,27%').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Chưa đạt chỉ tiêu', { exact: true }).isVisible()).toBe(true);
    await page.keyboard.press('Tab'); await page.keyboard.type('Đã cung cấp 100% thủ tục đủ điều kiện trên Cổng dịch vụ công.');
    await screenshot(page, 'progress-2-indicator');

    // Indicator 2: an invalid figure is kept on the field with a Vietnamese message.
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('pf-status');
    await page.keyboard.press('ArrowDown'); await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab'); await page.keyboard.type('9o');
    const percent = page.getByLabel('Tỷ lệ hoàn thành (%)');
    await expect.poll(() => percent.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Không đọc được “9o”');
    await screenshot(page, 'progress-3-invalid');
    await percent.fill('90');
    await expect.poll(() => percent.getAttribute('aria-invalid')).toBe(null);
    await page.keyboard.press('Tab'); await page.keyboard.press('Tab'); await page.keyboard.type('100%');

    // Undo / redo the last change.
    await page.waitForTimeout(600);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByLabel(/Giá trị đạt được/u).inputValue()).toBe('');
    await page.keyboard.press('Control+y');
    await expect.poll(() => page.getByLabel(/Giá trị đạt được/u).inputValue()).toBe('100%');

    // Reload mid-typing: the words typed just before are there after the reload.
    await page.getByLabel('Khó khăn, vướng mắc').focus();
    await page.keyboard.type('Thiếu nhân lực CNTT');
    await page.reload();
    await expect.poll(() => page.getByLabel('Chọn kế hoạch').isVisible(), { timeout: 15_000 }).toBe(true);
    await openMay(page);
    await page.getByRole('button', { name: 'Nhập báo cáo', exact: true }).click();
    await list(page).getByRole('option', { name: /Duy trì|dịch vụ công trực tuyến toàn trình được tích hợp/u }).first().click();
    await expect.poll(() => page.getByLabel('Khó khăn, vướng mắc').inputValue()).toBe('Thiếu nhân lực CNTT');
    await expect.poll(() => page.getByLabel('Tỷ lệ hoàn thành (%)').inputValue()).toBe('90');
    await list(page).getByRole('option', { name: /Tình hình chung/u }).click();
    await expect.poll(() => page.getByLabel('Tình hình chung của kỳ báo cáo').inputValue()).toContain('Thắng Tam');

    // Every other item gets a status (indicators not started need no value); a task gets evidence.
    const options = list(page).getByRole('option');
    const count = await options.count();
    for (let i = 1; i < count; i++) {
      const o = options.nth(i);
      if (!(await o.textContent())?.endsWith('—')) continue;
      await o.click();
      if (i === 43) { // the first task, after the narrative and the 42 indicators
        await page.getByLabel('Tình trạng').selectOption({ label: 'Hoàn thành' });
        await page.getByLabel('Tỷ lệ hoàn thành (%)').fill('100');
        await page.getByLabel('Ngày hoàn thành').fill('15/05/2024');
        await page.getByRole('button', { name: 'Thêm văn bản' }).click();
        await page.keyboard.type('9124/KH-UBND');
        await page.keyboard.press('Tab'); await page.keyboard.type('02/05/2024');
        await page.keyboard.press('Tab'); await page.keyboard.type('Kế hoạch của phường');
        await screenshot(page, 'progress-4-task');
      } else {
        await page.getByLabel('Tình trạng').selectOption({ label: 'Chưa triển khai' });
      }
    }

    await page.getByRole('button', { name: 'Kiểm tra và xuất' }).click();
    await expect.poll(() => page.getByText('Báo cáo đã đủ thông tin, có thể xuất.').isVisible(), { timeout: 10_000 }).toBe(true);
    await page.getByRole('button', { name: 'Xem trước nội dung gửi đi' }).click();
    await expect.poll(() => page.getByRole('table').isVisible()).toBe(true);
    await screenshot(page, 'progress-5-preview');
    await page.getByRole('button', { name: 'Đóng bản xem trước' }).click();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Ký và xuất báo cáo' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^[a-z0-9-]+-vungtau-cds-2024-2024-05-1\.planbook\.json$/u);
    mkdirSync(ARTIFACTS, { recursive: true });
    const path = `${ARTIFACTS}/${file.suggestedFilename()}`;
    await file.saveAs(path);
    await expect.poll(() => page.getByText(/Đã xuất báo cáo số 1/u).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Không có thay đổi so với lần xuất gần nhất.').isVisible()).toBe(true);
    // Nothing changed since: no new number for the same content; the kept package can be saved again.
    expect(await page.getByRole('button', { name: 'Ký và xuất báo cáo' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Lưu lại tệp số 1' }).isEnabled()).toBe(true);
    await screenshot(page, 'progress-6-exported');

    const pkg = JSON.parse(readFileSync(path, 'utf8')) as { kind: string; header: { period: string; sequence: number }; payload: { entries: unknown[]; indicatorValues: { numerator: number | null }[]; narrative: string } };
    expect(pkg).toMatchObject({ kind: 'report', header: { period: '2024-05', sequence: 1 } });
    expect(pkg.payload.entries).toHaveLength(74);
    expect(pkg.payload.indicatorValues[0]).toMatchObject({ numerator: 23391, denominator: 23802 });
    if (existsSync('dist/cli/planbook.mjs')) {
      const out = execFileSync(process.execPath, ['bin/planbook.mjs', 'verify', path, '--json'], { encoding: 'utf8' });
      const rows = JSON.parse(out) as { reason: string; kind: string; period: string; sequence: number }[];
      expect(rows[0]).toMatchObject({ reason: 'ok', kind: 'report', period: '2024-05', sequence: 1 });
    }

    // The home screen says exported; a change after export shows up there and in the export step.
    await page.getByRole('button', { name: 'Tổng quan' }).click();
    await expect.poll(() => page.getByText(/Đã xuất ngày .*, số thứ tự 1/u).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Nhập báo cáo', exact: true }).click();
    await list(page).getByRole('option', { name: /dịch vụ công trực tuyến toàn trình được tích hợp/u }).click();
    await page.getByLabel('Đề xuất, kiến nghị').fill('Đề nghị thành phố hỗ trợ kinh phí');
    await page.waitForTimeout(600);
    await page.getByRole('button', { name: 'Kiểm tra và xuất' }).click();
    await expect.poll(() => page.getByText('Mục 2: đề xuất').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Tổng quan' }).click();
    await expect.poll(() => page.getByText(/có thay đổi sau khi xuất/u).isVisible()).toBe(true);
    await screenshot(page, 'progress-7-changed');

    // June starts from May, every item to be re-confirmed before it can be sent.
    await page.getByLabel('Kỳ báo cáo', { exact: true }).selectOption({ label: 'Tháng 6/2024' });
    await expect.poll(() => page.getByText('Kỳ này được lấy từ báo cáo Tháng 5/2024', { exact: false }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Nhập báo cáo', exact: true }).click();
    await expect.poll(() => list(page).getByText('chưa xác nhận lại', { exact: false }).count()).toBe(75); // 74 items and the narrative
    await list(page).getByRole('option', { name: /Tình hình chung/u }).click();
    await expect.poll(() => page.getByLabel('Tình hình chung của kỳ báo cáo').inputValue()).toContain('Thắng Tam');
    await screenshot(page, 'progress-8-june-carried');
    await page.getByRole('button', { name: 'Kiểm tra và xuất' }).click();
    await page.getByRole('button', { name: /xác nhận 75 mục lấy từ kỳ trước/u }).click();
    await expect.poll(() => page.getByText('Báo cáo đã đủ thông tin, có thể xuất.').isVisible()).toBe(true);
  });
});
