import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openApp, screenshot } from './support/browser';

// Journey: first start → pick Phường Thắng Tam → demo plans load → filter assigned-to-me →
// search without diacritics → item detail → reload keeps everything.
describe('foundation journey', () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launch(); });
  afterAll(async () => { await browser?.close(); });

  it('sets up a ward and browses its plan', async () => {
    const { page } = await openApp(browser);
    const foreign: string[] = [];
    page.on('request', (r) => { if (!/^(http:\/\/127\.0\.0\.1:\d+\/|blob:|data:)/u.test(r.url())) foreign.push(r.url()); });
    await expect.poll(() => page.getByRole('heading', { name: 'Thiết lập ban đầu' }).isVisible()).toBe(true);

    await page.getByLabel('Tìm đơn vị (gõ không dấu cũng được)').fill('thang tam');
    const option = page.getByRole('option', { name: /Phường Thắng Tam/u });
    await expect.poll(() => option.count()).toBe(1);
    await option.click();
    await expect.poll(() => page.getByText('Đã chọn: Phường Thắng Tam').isVisible()).toBe(true);
    await screenshot(page, 'foundation-1-setup');
    await page.getByRole('button', { name: 'Bắt đầu sử dụng' }).click();

    const picker = page.getByLabel('Chọn kế hoạch');
    await expect.poll(() => picker.isVisible(), { timeout: 15_000 }).toBe(true);
    await picker.selectOption({ label: 'Kế hoạch triển khai thực hiện các nhiệm vụ trọng tâm về chuyển đổi số năm 2024 trên địa bàn thành phố Vũng Tàu' });
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Hiển thị' }).textContent()).toBe('Hiển thị 74/74 dòng');

    // The plan names no unit on its items: a ward carries all 42 indicators and 32 tasks as lead.
    await page.getByRole('radio', { name: 'Chủ trì' }).check();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Hiển thị' }).textContent()).toBe('Hiển thị 74/74 dòng');
    await page.getByRole('radio', { name: 'Phối hợp' }).check();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Hiển thị' }).textContent()).toBe('Hiển thị 0/74 dòng');
    await page.getByRole('radio', { name: 'Giao cho đơn vị tôi' }).check();

    await page.getByRole('searchbox', { name: 'Tìm trong kế hoạch (gõ không dấu cũng được)' }).fill('chuyen doi so');
    const list = page.getByRole('listbox', { name: 'Danh sách nhiệm vụ, chỉ tiêu' });
    const options = list.getByRole('option');
    await expect.poll(() => options.count()).toBeGreaterThan(0);
    for (const text of await options.allTextContents()) expect(text.toLowerCase()).toContain('chuyển đổi số');

    await options.first().click();
    const detail = page.getByRole('complementary', { name: 'Chi tiết' });
    await expect.poll(() => detail.getByText('Nguyên văn trong kế hoạch').isVisible()).toBe(true);
    await expect.poll(() => detail.getByText('Đơn vị tôi: Chủ trì', { exact: false }).count()).toBeGreaterThan(0);
    await screenshot(page, 'foundation-2-plans');

    // Keyboard: arrows move the selection within the list.
    await list.focus();
    const before = await list.getAttribute('aria-activedescendant');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => list.getAttribute('aria-activedescendant')).not.toBe(before);

    await page.reload();
    await expect.poll(() => page.getByLabel('Chọn kế hoạch').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByRole('heading', { name: 'Thiết lập ban đầu' }).count()).toBe(0);
    expect(await page.getByLabel('Chọn kế hoạch').locator('option').count()).toBe(3);
    await expect.poll(() => page.getByRole('navigation').getByText('Phường Thắng Tam').isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Cài đặt' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Lưu trữ dữ liệu' }).isVisible()).toBe(true);
    // The unit's signing key was made at setup: its fingerprint reads over the phone in groups of 4.
    const fingerprint = page.getByLabel('Dấu vân tay khóa (đọc qua điện thoại để đơn vị tổng hợp đối chiếu)');
    await expect.poll(() => fingerprint.textContent()).toMatch(/^(?:[A-Z2-7]{4} ){6}[A-Z2-7]{2}$/u);
    await screenshot(page, 'foundation-3-settings');
    expect(foreign).toEqual([]); // offline by design: no CDN, no telemetry
  });
});
