import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildReportPackage, type ReportPayload } from '../../shared/packages';
import type { ItemId } from '../../shared/model/ids';
import { ARTIFACTS, launch, openApp, screenshot } from './support/browser';

// A package made by the command line verifies in the app: Phường 7 makes its key with
// `planbook keygen`, a report package is built with the core builders in Node and signed with
// `planbook sign`; the city (the app, in Chromium) enrols the key after typing the fingerprint
// keygen printed, imports the report, and the board shows Phường 7 as submitted.
const PLAN = 'Kế hoạch triển khai thực hiện các nhiệm vụ trọng tâm về chuyển đổi số năm 2024 trên địa bàn thành phố Vũng Tàu';
const UNIT = 'brvt.vung-tau.p7';
const CLI = resolve('bin/planbook.mjs');
const env = { ...process.env, PLANBOOK_PASSPHRASE: 'mật khẩu thử nghiệm của phường 7, không dùng thật' };

const planbook = (args: string[]) => execFileSync(process.execPath, [CLI, ...args], { env, encoding: 'utf8' });

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('button', { name }).click();
const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true }).click();

async function receive(city: Page, file: string) {
  await tab(city, 'Nhận gói');
  const chooser = city.waitForEvent('filechooser');
  await city.getByRole('button', { name: 'Chọn tệp gói…' }).click();
  await (await chooser).setFiles(file);
  await expect.poll(() => city.getByText('Đã kiểm tra 1/1 tệp').first().isVisible(), { timeout: 30_000 }).toBe(true);
}

const payload: ReportPayload = {
  entries: [
    { itemId: 't.1.1' as ItemId, status: 'in-progress', percent: 60, result: 'Phường 7 đã triển khai 3 thủ tục trực tuyến toàn trình.', difficulties: '', proposals: '', evidence: [], completedOn: null },
    { itemId: 'i.1.1' as ItemId, status: 'in-progress', percent: null, result: '', difficulties: '', proposals: '', evidence: [], completedOn: null },
  ],
  indicatorValues: [{ itemId: 'i.1.1' as ItemId, numerator: 241, denominator: 280, value: (100 * 241) / 280, text: '' }],
  projectValues: [],
  narrative: 'Báo cáo tháng 5/2024 của Phường 7, ký bằng dòng lệnh planbook.',
};

describe('command line ↔ app', () => {
  let browser: Browser;
  beforeAll(async () => {
    if (!existsSync('dist/cli/planbook.mjs')) execFileSync(process.execPath, ['scripts/build-node.mjs'], { stdio: 'inherit' });
    browser = await launch();
  });
  afterAll(async () => { await browser?.close(); });

  it('a report made and signed by the CLI is accepted by the city after enrolling the CLI key', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const dir = mkdtempSync(join(resolve(ARTIFACTS), 'cli-'));
    const made = planbook(['keygen', '--unit', UNIT, '--out', dir]);
    const fingerprint = /^Fingerprint: (.+)$/mu.exec(made)?.[1]?.trim() ?? '';
    expect(fingerprint).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{1,4}){6}$/u);
    const keysFile = join(dir, `${UNIT}.keys.json`);
    expect(existsSync(keysFile)).toBe(true);

    const unsigned = buildReportPackage({
      unitId: UNIT, planId: 'vungtau-cds-2024', planRevision: 1, period: '2024-05', sequence: 1, createdAt: new Date().toISOString().replace(/\.\d{3}Z$/u, 'Z'),
    }, payload);
    const unsignedFile = join(dir, 'p7-2024-05.unsigned.json');
    writeFileSync(unsignedFile, JSON.stringify(unsigned));
    const signedFile = join(dir, 'p7-2024-05.planbook.json');
    const signedOut = planbook(['sign', unsignedFile, '--key', join(dir, `${UNIT}.key`), '--out', signedFile]);
    expect(signedOut).toContain(fingerprint);

    // The city enrols the CLI key, typing the fingerprint keygen printed.
    const { page: city } = await openApp(browser);
    await city.getByLabel('Tìm đơn vị (gõ không dấu cũng được)').fill('uy ban nhan dan thanh pho vung tau');
    await city.getByRole('option', { name: /^Ủy ban nhân dân thành phố Vũng Tàu/u }).first().click();
    await city.getByRole('radio', { name: /^Đơn vị tổng hợp/u }).check();
    await city.getByRole('button', { name: 'Bắt đầu sử dụng' }).click();
    await expect.poll(() => city.getByLabel('Chọn kế hoạch').isVisible(), { timeout: 15_000 }).toBe(true);
    await nav(city, 'Tổng hợp');
    await city.getByLabel('Kế hoạch', { exact: true }).selectOption({ label: PLAN });
    await city.getByLabel('Kỳ báo cáo', { exact: true }).selectOption({ label: 'Tháng 5/2024' });
    await receive(city, keysFile);
    await tab(city, 'Khóa tin cậy');
    const pending = city.getByRole('table', { name: 'Khóa ký chờ xác nhận' });
    await expect.poll(() => pending.locator('code.fingerprint').first().textContent()).toBe(fingerprint);
    await pending.getByLabel(/^Gõ mã vân tay .* đọc qua điện thoại$/u).fill(fingerprint);
    await expect.poll(() => pending.getByText('Khớp', { exact: true }).isVisible()).toBe(true);
    await pending.getByRole('button', { name: /^Đã đối chiếu, tin cậy khóa của Phường 7/u }).click();
    const trusted = city.getByRole('table', { name: 'Khóa đã tin cậy' });
    await expect.poll(() => trusted.getByRole('row').filter({ hasText: fingerprint }).textContent(), { timeout: 15_000 }).toContain('Đăng ký, đã đối chiếu');

    // The CLI-signed report is accepted: Phường 7 has submitted (late: signed today for May 2024).
    await receive(city, signedFile);
    await tab(city, 'Tình hình nộp');
    const board = city.getByRole('table', { name: /^Tình hình nộp báo cáo Tháng 5\/2024/u });
    await expect.poll(() => board.getByRole('row', { name: /Phường 7(?!\d)/u }).textContent(), { timeout: 15_000 }).toContain('Trễ hạn');
    await expect.poll(() => city.getByRole('status', { name: 'Tình hình nộp' }).textContent()).toContain('Chưa nộp: 16');
    await screenshot(city, 'cli-interop-board');
  });
});
