import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { importPlanWorkbook } from '../../shared/xlsx';
import { VT_PLAN, setUpCity } from './support/setup';
import { launch, openApp, screenshot } from './support/browser';

// Journey: the city (UBND thành phố Vũng Tàu, consolidating) opens its 2024 plan in the editor,
// changes one task's deadline, adds a task and moves it up with Alt+↑, saves (a local revision),
// sees the change in the plan browser, and exports the plan to Excel; the download re-imports.
const PLAN = VT_PLAN;
const TASK2 = 'Triển khai xây dựng Kế hoạch hoạt động của Ban chỉ đạo Chuyển đổi số';
const NEW_TASK = 'Rà soát danh mục thủ tục hành chính trực tuyến toàn trình của thành phố';


describe('plan editor journey', () => {
  let browser: Browser;
  let current: Page | null = null;
  beforeAll(async () => { browser = await launch(); });
  afterEach(async (ctx) => { if (ctx.task.result?.state === 'fail' && current) await screenshot(current, 'plan-editor-failed'); });
  afterAll(async () => { await browser?.close(); });

  it('edits a deadline, adds a task, moves it up, saves, and exports an .xlsx that re-imports', async () => {
    const { page } = await openApp(browser);
    current = page;
    await setUpCity(page);
    await page.getByLabel('Chọn kế hoạch').selectOption({ label: PLAN });
    await page.getByRole('button', { name: 'Sửa kế hoạch' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Sửa kế hoạch' }).isVisible()).toBe(true);

    const outline = page.getByRole('listbox', { name: 'Các dòng của kế hoạch' });
    const task2 = outline.getByRole('option').filter({ hasText: TASK2 });
    await task2.click();
    await page.getByLabel('Thời gian hoàn thành', { exact: true }).fill('Quý III/2024');
    await page.getByRole('button', { name: 'Áp dụng thay đổi ô' }).click();
    await expect.poll(() => task2.textContent()).toContain('Quý III/2024');

    // A new task under task 2, then Alt+↑ puts it above.
    await page.getByRole('button', { name: 'Thêm dòng bên dưới' }).click();
    await page.getByLabel('Nội dung', { exact: true }).fill(NEW_TASK);
    await page.getByLabel('Đơn vị chủ trì', { exact: true }).fill('Phòng Văn hóa và Thông tin');
    await page.getByLabel('Thời gian hoàn thành', { exact: true }).fill('Tháng 6/2024');
    await page.getByRole('button', { name: 'Áp dụng thay đổi ô' }).click();
    const added = outline.getByRole('option').filter({ hasText: NEW_TASK });
    await expect.poll(() => added.getAttribute('aria-selected')).toBe('true');
    const order = async () => (await outline.getByRole('option').allTextContents()).findIndex((s) => s.includes(NEW_TASK))
      - (await outline.getByRole('option').allTextContents()).findIndex((s) => s.includes(TASK2));
    expect(await order()).toBe(1);
    await outline.focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(order).toBe(-1);
    await expect.poll(() => page.getByText('4 thay đổi chưa lưu').isVisible()).toBe(true);
    await screenshot(page, 'plan-editor-1-edited');

    await page.getByRole('button', { name: 'Lưu thành bản sửa đổi' }).click();
    await expect.poll(() => page.getByText(/Đã lưu bản sửa đổi 1: 1 dòng thêm, 1 dòng sửa/u).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Đóng, không lưu' }).click();

    // The plan browser shows the new task before task 2, and the new deadline.
    await page.getByRole('combobox', { name: /^Loại/u }).selectOption({ label: 'Nhiệm vụ' });
    await expect.poll(() => page.getByText('Hiển thị 33/75 dòng').isVisible()).toBe(true);
    await expect.poll(() => page.getByText(NEW_TASK).first().isVisible()).toBe(true);
    const body = (await page.locator('.plans-body').textContent()) ?? '';
    expect(body.indexOf(NEW_TASK)).toBeGreaterThan(-1);
    expect(body.indexOf(NEW_TASK)).toBeLessThan(body.indexOf(TASK2));
    await screenshot(page, 'plan-editor-2-browser');

    // Export: the download is an .xlsx that the importer reads back to the same rows.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Xuất kế hoạch ra Excel' }).click();
    const d = await download;
    expect(d.suggestedFilename()).toBe('ke-hoach-vungtau-cds-2024.xlsx');
    const r = importPlanWorkbook(new Uint8Array(readFileSync(await d.path())));
    if (!r.ok) throw new Error(r.error.message);
    const contents = r.doc.items.map((i) => i.content);
    expect(r.doc.items).toHaveLength(42 + 33);
    expect(contents.findIndex((c) => c === NEW_TASK)).toBe(contents.findIndex((c) => c.startsWith(TASK2)) - 1);
    expect(r.doc.items.find((i) => i.content.startsWith(TASK2))?.due).toBe('Quý III/2024');
    expect(r.doc.items.find((i) => i.content === NEW_TASK)).toMatchObject({ lead: 'Phòng Văn hóa và Thông tin', due: 'Tháng 6/2024' });
    expect(r.doc.plan.title).toBe(PLAN);
  });
});
