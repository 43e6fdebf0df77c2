import { expect } from 'vitest';
import type { Page } from 'playwright-core';

// The steps every journey shares: first-start setup of a unit, the main navigation, and the
// plan and period pickers of the progress, consolidation and dashboard screens.
export const VT_PLAN = 'Kế hoạch triển khai thực hiện các nhiệm vụ trọng tâm về chuyển đổi số năm 2024 trên địa bàn thành phố Vũng Tàu';

export type SetupUnit = { query: string; name: string };
export const CITY: SetupUnit = { query: 'uy ban nhan dan thanh pho vung tau', name: 'Ủy ban nhân dân thành phố Vũng Tàu' };
export const PROVINCE: SetupUnit = { query: 'uy ban nhan dan tinh ba ria', name: 'Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu' };
export const THANG_TAM: SetupUnit = { query: 'thang tam', name: 'Phường Thắng Tam' };

/** First start: picks the unit by typing without diacritics, the role, and waits for the plans. */
export async function setUpUnit(page: Page, unit: SetupUnit, opts: { consolidator?: boolean } = {}): Promise<void> {
  await expect.poll(() => page.getByRole('heading', { name: 'Thiết lập ban đầu' }).isVisible(), { timeout: 15_000 }).toBe(true);
  await page.getByLabel('Tìm đơn vị (gõ không dấu cũng được)').fill(unit.query);
  await page.getByRole('option', { name: new RegExp(`^${unit.name}`, 'u') }).first().click();
  await expect.poll(() => page.getByText(`Đã chọn: ${unit.name}`).isVisible()).toBe(true);
  if (opts.consolidator) await page.getByRole('radio', { name: /^Đơn vị tổng hợp/u }).check();
  await page.getByRole('button', { name: 'Bắt đầu sử dụng' }).click();
  await expect.poll(() => page.getByLabel('Chọn kế hoạch').isVisible(), { timeout: 15_000 }).toBe(true);
}

export const setUpCity = (page: Page, unit: SetupUnit = CITY) => setUpUnit(page, unit, { consolidator: true });

export const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('button', { name }).click();

/** The plan and period pickers (labelled `Kế hoạch`, `Kỳ báo cáo`) of the working screens. */
export async function choosePeriod(page: Page, period = 'Tháng 5/2024', plan = VT_PLAN): Promise<void> {
  await page.getByLabel('Kế hoạch', { exact: true }).selectOption({ label: plan });
  await page.getByLabel('Kỳ báo cáo', { exact: true }).selectOption({ label: period });
}
