import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { ARTIFACTS, launch, openApp, screenshot } from './support/browser';
import { VT_PLAN, setUpCity } from './support/setup';
import { writeScenario, type Scenario } from './support/packages';

// Journey: the city (UBND thành phố Vũng Tàu, consolidating) receives its wards' May 2024
// packages (the consolidation journey's scenario: 16 of 17 wards, 3 late), trusts their keys, and
// opens the dashboard: the period's tiles, status by section, indicators against target,
// submissions over the plan's months and the note that this plan has no projects, each chart
// with its numbers in a table under it.
const PLAN = VT_PLAN;


const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('button', { name, exact: true });

/** Imports the scenario's files and trusts every ward's key, as the consolidation journey does. */
async function receiveMay(page: Page, scenario: Scenario) {
  await nav(page, 'Tổng hợp').click();
  await page.getByLabel('Kế hoạch', { exact: true }).selectOption({ label: PLAN });
  await page.getByLabel('Kỳ báo cáo', { exact: true }).selectOption({ label: 'Tháng 5/2024' });
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Chọn tệp gói…' }).click();
  await (await chooser).setFiles(scenario.files);
  await expect.poll(() => page.getByText(`Đã kiểm tra ${scenario.files.length}/${scenario.files.length} tệp`).isVisible(), { timeout: 30_000 }).toBe(true);
  await page.getByRole('tab', { name: 'Khóa tin cậy', exact: true }).click();
  const keys = page.getByRole('table', { name: 'Khóa ký chờ xác nhận' });
  await expect.poll(() => keys.getByRole('row').count()).toBe(17);
  for (let left = 16; left > 0; left--) {
    await keys.getByRole('button', { name: /^Đã đối chiếu, tin cậy khóa của/u }).first().click();
    await expect.poll(() => page.getByRole('table', { name: 'Khóa ký chờ xác nhận' }).getByRole('row').count(), { timeout: 15_000 }).toBe(left === 1 ? 0 : left);
  }
  await page.getByRole('tab', { name: 'Tình hình nộp', exact: true }).click();
  await expect.poll(() => page.getByRole('status', { name: 'Tình hình nộp' }).textContent(), { timeout: 15_000 })
    .toBe('Đúng hạn: 13 · Trễ hạn: 3 · Chưa nộp: 1 · Xung đột: 0 · Tổng: 17');
}

/** A chart's data table (opening its "Xem số liệu"), as rows of cell texts. */
async function chartRows(figure: Locator, show = 'Xem số liệu'): Promise<string[][]> {
  await figure.getByText(show, { exact: true }).click();
  const table = figure.getByRole('table');
  await expect.poll(() => table.isVisible()).toBe(true);
  const rows = table.getByRole('row');
  const out: string[][] = [];
  for (let i = 0; i < (await rows.count()); i++) out.push((await rows.nth(i).locator('th, td').allTextContents()).map((s) => s.trim()));
  return out;
}

describe('dashboard journey', () => {
  let browser: Browser;
  let current: Page | null = null;
  let scenario: Scenario;
  beforeAll(async () => {
    browser = await launch();
    scenario = await writeScenario(`${ARTIFACTS}/dashboard-inbox`);
  });
  afterEach(async (ctx) => { if (ctx.task.result?.state === 'fail' && current) await screenshot(current, 'dashboard-failed'); });
  afterAll(async () => { await browser?.close(); });

  it('shows the city\'s May 2024 figures as charts with their numbers in tables', async () => {
    const { page } = await openApp(browser);
    current = page;
    await setUpCity(page);
    await receiveMay(page, scenario);

    await nav(page, 'Bảng điều khiển').click();
    await expect.poll(() => page.getByRole('heading', { name: 'Bảng điều khiển', level: 1 }).isVisible()).toBe(true);
    // The plan and period picked on the consolidation screen, in labelled pickers.
    const plan = page.getByLabel('Kế hoạch', { exact: true });
    const period = page.getByLabel('Kỳ báo cáo', { exact: true });
    expect(await plan.locator('option:checked').textContent()).toBe(PLAN);
    expect(await period.locator('option:checked').textContent()).toBe('Tháng 5/2024');

    const tiles = page.getByRole('list', { name: 'Tình hình nộp báo cáo Tháng 5/2024' });
    await expect.poll(() => tiles.locator('[data-kpi="on-time"] .kpi-value').textContent()).toBe('13');
    expect(await tiles.locator('[data-kpi="late"] .kpi-value').textContent()).toBe('3');
    expect(await tiles.locator('[data-kpi="missing"] .kpi-value').textContent()).toBe('1');
    expect(await tiles.locator('[data-kpi="counted"] .kpi-value').textContent()).toBe('16');
    const chase = page.getByRole('definition').filter({ hasText: 'Xã Long Sơn' });
    expect(await chase.textContent()).toBe('Xã Long Sơn');
    expect(await page.locator('.chase-late dd').textContent()).toBe('Phường 10, Phường 11, Phường 12');

    // Every chart is an image with an accessible name carrying its numbers; no inline style anywhere.
    const status = page.getByRole('figure', { name: 'Tình trạng thực hiện theo nhóm nhiệm vụ, chỉ tiêu' });
    await expect.poll(() => status.getByRole('img').count()).toBe(1);
    expect(await status.getByRole('img').getAttribute('aria-label')).toMatch(/^Tình trạng thực hiện theo nhóm.*Hoàn thành 6, Đang triển khai 10, Tổng 16/u);
    expect(await page.locator('.dashboard [style], .dashboard style').count()).toBe(0);
    await screenshot(page, 'dashboard-1-city');

    // Status by section: task 1.1 is done by the wards n ≡ 0 (mod 3), 6 of the 16 counted; the
    // indicator is in progress everywhere.
    const statusRows = await chartRows(status);
    expect(statusRows[0]).toEqual(['Nhóm', 'Hoàn thành', 'Đang triển khai', 'Tổng']);
    expect(statusRows.find((r) => r[0]?.startsWith('Nhiệm vụ'))?.slice(1)).toEqual(['6', '10', '16']);
    expect(statusRows.find((r) => r[0]?.startsWith('Chỉ tiêu'))?.slice(1)).toEqual(['0', '16', '16']);
    expect(await status.getByRole('table').locator('caption').textContent()).toBe('Tình trạng thực hiện theo nhóm nhiệm vụ, chỉ tiêu');

    // Submissions over the plan's months so far: January to May, May as the board says.
    const submissions = page.getByRole('figure', { name: 'Tình hình gửi báo cáo qua các kỳ' });
    const subRows = await chartRows(submissions);
    expect(subRows[0]).toEqual(['Kỳ báo cáo', 'Đúng hạn', 'Trễ hạn', 'Chưa báo cáo', 'Tổng']);
    expect(subRows.slice(1).map((r) => r[0])).toEqual(['Tháng 1/2024', 'Tháng 2/2024', 'Tháng 3/2024', 'Tháng 4/2024', 'Tháng 5/2024']);
    expect(subRows.find((r) => r[0] === 'Tháng 5/2024')?.slice(1)).toEqual(['13', '3', '1', '17']);
    expect(subRows.find((r) => r[0] === 'Tháng 4/2024')?.slice(1)).toEqual(['0', '0', '17', '17']);

    // Indicator 1.1: Σ(200+7n)+30 = 4070 over 4600 = 88,48%, against its target, in the Vietnamese way.
    const indicators = page.getByRole('figure', { name: 'Kết quả các chỉ tiêu so với chỉ tiêu giao' });
    const indRows = await chartRows(indicators);
    expect(indRows[0]).toEqual(['Nội dung chỉ tiêu', 'Kết quả', 'Chỉ tiêu giao', 'Đánh giá']);
    expect(indRows[1]?.[2]).toBe('100%');
    expect(indRows[1]?.[1]).toBe('88,48%');
    expect(indRows[1]?.[3]).toBe('Chưa đạt');

    // This plan has no projects: said, not drawn.
    const money = page.getByRole('figure', { name: /^Giải ngân so với kế hoạch vốn/u });
    expect(await money.getByRole('note').textContent()).toContain('Kế hoạch này không có dự án');
    expect(await money.getByRole('img').count()).toBe(0);

    await page.locator('.dashboard').evaluate((el) => { el.scrollTop = 0; });
    await screenshot(page, 'dashboard-2-city-tables');
    await page.getByRole('figure', { name: 'Kết quả các chỉ tiêu so với chỉ tiêu giao' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-3-city-lower');

    // Another period: April, nobody reported yet.
    await period.selectOption({ label: 'Tháng 4/2024' });
    const april = page.getByRole('list', { name: 'Tình hình nộp báo cáo Tháng 4/2024' });
    await expect.poll(() => april.locator('[data-kpi="missing"] .kpi-value').textContent()).toBe('17');
    expect(await page.getByRole('figure', { name: 'Tình trạng thực hiện theo nhóm nhiệm vụ, chỉ tiêu' }).getByRole('note').textContent())
      .toBe('Chưa có báo cáo nào có tình trạng thực hiện trong kỳ này.');
    await screenshot(page, 'dashboard-4-city-april');

    // In English the charts speak English (titles, series, table headers, legends); the numbers
    // keep the Vietnamese format, as everywhere in the app. The printed report stays Vietnamese.
    await nav(page, 'Cài đặt').click();
    await page.getByRole('combobox', { name: /^Ngôn ngữ/u }).selectOption('en');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Dashboard', exact: true }).click();
    await page.getByLabel('Reporting period', { exact: true }).selectOption({ label: 'May 2024' });
    const statusEn = page.getByRole('figure', { name: 'Progress by group of tasks and indicators' });
    const statusImg = statusEn.getByRole('img', { name: /^Progress by group \(unit lines\)\. Tasks /u });
    await expect.poll(() => statusImg.count(), { timeout: 15_000 }).toBe(1);
    expect(await statusImg.getAttribute('aria-label')).toMatch(/Done 6, In progress 10, Total 16/u);
    expect(await statusEn.locator('svg text').allTextContents()).toEqual(expect.arrayContaining(['Done', 'In progress']));
    const statusEnRows = await chartRows(statusEn, 'Show the figures');
    expect(statusEnRows[0]).toEqual(['Group', 'Done', 'In progress', 'Total']);
    expect(statusEnRows.find((r) => r[0]?.startsWith('Tasks '))?.slice(1)).toEqual(['6', '10', '16']);
    expect(await statusEn.getByRole('columnheader', { name: 'In progress', exact: true }).count()).toBe(1);

    const subsEn = page.getByRole('figure', { name: 'Submissions over the periods' });
    expect(await subsEn.getByRole('img').getAttribute('aria-label')).toMatch(/^Submissions over the periods\. January 2024: On time 0, Late 0, Not reported 17, Total 17; /u);
    expect(await subsEn.locator('svg text').allTextContents()).toEqual(expect.arrayContaining(['On time', 'Late', 'Not reported']));
    const subsEnRows = await chartRows(subsEn, 'Show the figures');
    expect(subsEnRows[0]).toEqual(['Period', 'On time', 'Late', 'Not reported', 'Total']);
    expect(subsEnRows.find((r) => r[0] === 'May 2024')?.slice(1)).toEqual(['13', '3', '1', '17']);

    const indicatorsEn = page.getByRole('figure', { name: 'Indicators against their targets' });
    expect(await indicatorsEn.getByRole('img').getAttribute('aria-label')).toMatch(/^Indicators against their targets \(%\)\. .*Result 88,48%, Target 100%, Assessment Not met/u);
    // The legend under the bars: the target mark, met, not met.
    expect(await indicatorsEn.locator('svg text').allTextContents()).toEqual(expect.arrayContaining(['Target', 'Met', 'Not met']));
    const indEnRows = await chartRows(indicatorsEn, 'Show the figures');
    expect(indEnRows[1]?.slice(1)).toEqual(['88,48%', '100%', 'Not met']);
    const labels = await page.locator('.dashboard svg').evaluateAll((svgs) => svgs.map((el) => el.getAttribute('aria-label') ?? ''));
    expect(labels).toHaveLength(3);
    for (const vi of ['Hoàn thành', 'Đang triển khai', 'Chưa báo cáo', 'Đúng hạn', 'Tổng', 'Chưa đạt', 'Tháng 5/2024']) expect(labels.join(' '), vi).not.toContain(vi);
    await screenshot(page, 'dashboard-6-city-english');
  });

  it('shows a reporting ward its own May 2024 report: status by section and an indicator against its target', async () => {
    const { page } = await openApp(browser);
    current = page;
    await expect.poll(() => page.getByRole('heading', { name: 'Thiết lập ban đầu' }).isVisible()).toBe(true);
    await page.getByLabel('Tìm đơn vị (gõ không dấu cũng được)').fill('thang tam');
    await page.getByRole('option', { name: /Phường Thắng Tam/u }).click();
    await page.getByRole('button', { name: 'Bắt đầu sử dụng' }).click();
    await expect.poll(() => page.getByLabel('Chọn kế hoạch').isVisible(), { timeout: 15_000 }).toBe(true);

    // Indicator 1 (target 100%) in progress at 23.391/23.802 records, typed on the progress screen.
    await nav(page, 'Báo cáo tiến độ').click();
    await page.getByLabel('Kế hoạch', { exact: true }).selectOption({ label: PLAN });
    await page.getByLabel('Kỳ báo cáo', { exact: true }).selectOption({ label: 'Tháng 5/2024' });
    await page.getByRole('button', { name: 'Nhập báo cáo kỳ này' }).click();
    const items = page.getByRole('listbox', { name: 'Các mục được giao' });
    await expect.poll(() => items.getByRole('option').count()).toBe(75);
    await items.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('pf-status');
    await page.keyboard.press('ArrowDown'); await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab'); await page.keyboard.type('98,27');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab'); await page.keyboard.type('23.391/23.802 hồ sơ');
    await expect.poll(() => page.getByText('= 98,27%').isVisible()).toBe(true);

    await nav(page, 'Bảng điều khiển').click();
    expect(await page.getByLabel('Kỳ báo cáo', { exact: true }).locator('option:checked').textContent()).toBe('Tháng 5/2024');
    await expect.poll(() => page.getByText('Báo cáo của Phường Thắng Tam · số liệu từ 11/04/2024 đến 10/05/2024').isVisible()).toBe(true);
    // A reporting unit has no submission tiles nor the city's charts.
    expect(await page.getByRole('figure', { name: 'Tình hình gửi báo cáo qua các kỳ' }).count()).toBe(0);
    const indicators = page.getByRole('figure', { name: 'Kết quả các chỉ tiêu so với chỉ tiêu giao' });
    await expect.poll(() => indicators.getByRole('img').count(), { timeout: 15_000 }).toBe(1);
    const rows = await chartRows(indicators);
    expect(rows[1]?.slice(1)).toEqual(['98,27%', '100%', 'Chưa đạt']);
    const status = await chartRows(page.getByRole('figure', { name: 'Tình trạng thực hiện theo nhóm nhiệm vụ, chỉ tiêu' }));
    expect(status[0]).toEqual(['Nhóm', 'Đang triển khai', 'Tổng']);
    expect(status[1]?.[0]).toMatch(/^Chỉ tiêu /u);
    expect(status[1]?.slice(1)).toEqual(['1', '1']);
    await screenshot(page, 'dashboard-5-ward');
  });
});
