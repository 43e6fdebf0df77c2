import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { THANG_TAM, choosePeriod, nav, setUpCity, setUpUnit } from './support/setup';
import { ARTIFACTS, launch, openApp, screenshot } from './support/browser';

// Issue 5, the receipt round trip across two installations: a ward exports its report; the city
// returns it with a comment on one item and sends a signed receipt; the ward reads "trả lại" and
// the comment beside the item, answers it and exports again (sequence 2, carrying the answer);
// the city reads the answer beside its comment, approves, and the ward's next receipt says
// approved. Last, a copy of the ward's package altered after signing reaches the city, and the
// receipt tells the ward it was refused, in Vietnamese.

const WARD = 'Phường Thắng Tam';
const COMMENT = 'Bổ sung danh sách hồ sơ đã số hóa theo từng lĩnh vực';
const ANSWER = 'Đã bổ sung: 23.391 hồ sơ, trong đó 12.004 hồ sơ đất đai và 11.387 hồ sơ hộ tịch.';

const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });
const steps = (page: Page) => page.getByRole('navigation', { name: 'Các bước báo cáo' });

type ReportFile = { path: string; json: { header: { sequence: number; packageId: string }; payload: { answers?: { itemId: string; comment: string; answer: string; returnedSequence: number }[] } } };

async function download(page: Page, button: string, prefix = ''): Promise<string> {
  const event = page.waitForEvent('download');
  await page.getByRole('button', { name: button, exact: true }).click();
  const d = await event;
  const path = `${ARTIFACTS}/${prefix}${d.suggestedFilename()}`;
  await d.saveAs(path);
  return path;
}

async function exportReport(page: Page, prefix: string): Promise<ReportFile> {
  await steps(page).getByRole('button', { name: 'Kiểm tra và xuất' }).click();
  await expect.poll(() => page.getByText('Báo cáo đã đủ thông tin, có thể xuất.').isVisible(), { timeout: 10_000 }).toBe(true);
  const path = await download(page, 'Ký và xuất báo cáo', prefix);
  return { path, json: JSON.parse(readFileSync(path, 'utf8')) as ReportFile['json'] };
}

async function chooseFile(page: Page, button: string, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles(path);
}

const receiptCard = (page: Page) => page.getByRole('region', { name: 'Giấy báo nhận của đơn vị tổng hợp' });

async function importReceipt(ward: Page, path: string) {
  await nav(ward, 'Báo cáo tiến độ');
  await steps(ward).getByRole('button', { name: 'Tổng quan' }).click();
  await chooseFile(ward, 'Nhập giấy báo nhận…', path);
  await expect.poll(() => receiptCard(ward).getByRole('status').textContent(), { timeout: 10_000 }).toContain('Đã nhập giấy báo nhận của');
}

describe('receipt round trip: returned, answered, approved, refused', () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launch(); });
  afterAll(async () => { await browser?.close(); });

  it('carries a return for revision to the ward and its answer back to the city', async () => {
    // The ward fills every item (the first indicator with its value, the rest not started) and exports.
    const { page: ward } = await openApp(browser);
    await setUpUnit(ward, THANG_TAM);
    await nav(ward, 'Báo cáo tiến độ');
    await choosePeriod(ward);
    await ward.getByRole('button', { name: 'Nhập báo cáo kỳ này' }).click();
    const items = ward.getByRole('listbox', { name: 'Các mục được giao' });
    const options = items.getByRole('option');
    await options.nth(1).click();
    await ward.getByLabel('Tình trạng').selectOption({ label: 'Đang triển khai' });
    await ward.getByLabel(/^Giá trị đạt được/u).fill('23.391/23.802 hồ sơ');
    const count = await options.count();
    for (let i = 2; i < count; i++) {
      await options.nth(i).click();
      await ward.getByLabel('Tình trạng').selectOption({ label: 'Chưa triển khai' });
    }
    const first = await exportReport(ward, 'rt-');
    expect(first.json.header.sequence).toBe(1);
    expect(first.json.payload.answers).toBeUndefined(); // nothing to answer: the contract payload exactly

    // The city receives it, trusts the ward's key and returns the report with one comment.
    const { page: city } = await openApp(browser);
    await setUpCity(city);
    await nav(city, 'Tổng hợp');
    await choosePeriod(city);
    await chooseFile(city, 'Chọn tệp gói…', first.path);
    await expect.poll(() => city.getByText('Đã kiểm tra 1/1 tệp').isVisible(), { timeout: 30_000 }).toBe(true);
    await tab(city, 'Khóa tin cậy').click();
    await city.getByRole('table', { name: 'Khóa ký chờ xác nhận' }).getByRole('button', { name: /^Đã đối chiếu, tin cậy khóa của/u }).click();
    await tab(city, 'Phản hồi và báo cáo lên').click();
    const receipts = city.getByRole('table', { name: 'Phản hồi cho đơn vị (biên nhận có ký số)' });
    const wardRow = receipts.getByRole('row', { name: new RegExp(WARD, 'u') });
    await expect.poll(() => wardRow.getByRole('button', { name: `Trả lại ${WARD} để bổ sung`, exact: true }).isVisible(), { timeout: 15_000 }).toBe(true);
    await wardRow.getByRole('button', { name: `Trả lại ${WARD} để bổ sung`, exact: true }).click();
    const form = city.locator('.review-form');
    const itemSelect = form.getByLabel('Mục cần bổ sung');
    // Only the items the report carries are offered (read from the kept file when the form opens);
    // the first is the indicator the ward measured.
    await expect.poll(() => itemSelect.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await itemSelect.locator('option').count()).toBe(count - 1);
    const itemId = await itemSelect.inputValue();
    // The option reads `<section>.<no> <content>`: the ward's editor shows the same content.
    const itemContent = ((await itemSelect.locator('option:checked').textContent()) ?? '').split(' ').slice(1).join(' ').slice(0, 40);
    await form.getByLabel('Nội dung yêu cầu bổ sung').fill(COMMENT);
    await form.getByRole('button', { name: 'Thêm ý kiến' }).click();
    await form.getByRole('button', { name: `Trả lại ${WARD} để bổ sung`, exact: true }).click();
    await expect.poll(() => wardRow.textContent()).toContain('Trả lại bổ sung (1 ý kiến)');
    await expect.poll(() => wardRow.textContent()).toContain('Đã trả lại gói số 1; chờ đơn vị bổ sung.');
    await tab(city, 'Tình hình nộp').click();
    const board = city.getByRole('table', { name: 'Tình hình nộp báo cáo Tháng 5/2024' });
    await expect.poll(() => board.getByRole('row', { name: new RegExp(WARD, 'u') }).textContent()).toContain('Trả lại bổ sung');
    await tab(city, 'Phản hồi và báo cáo lên').click();
    const receipt1 = await download(city, `Xuất biên nhận cho ${WARD}`, 'rt-1-');
    const r1 = JSON.parse(readFileSync(receipt1, 'utf8')) as { payload: { received: { packageId: string; review?: { state: string; comments: { itemId: string; text: string }[] } }[] } };
    expect(r1.payload.received).toEqual([expect.objectContaining({ packageId: first.json.header.packageId, review: { state: 'returned', comments: [{ itemId, text: COMMENT }] } })]);

    // The ward imports the receipt: returned, the comment on its home screen and beside the item.
    await importReceipt(ward, receipt1);
    await expect.poll(() => receiptCard(ward).textContent()).toContain('Trả lại để bổ sung');
    expect(await receiptCard(ward).textContent()).toContain('0/1 ý kiến đã có trả lời');
    await screenshot(ward, 'receipt-1-ward-returned');
    // Nothing changed yet, but the comment must be answered before the next export.
    await steps(ward).getByRole('button', { name: 'Kiểm tra và xuất' }).click();
    const problem = ward.getByRole('button', { name: /Chưa trả lời ý kiến trả lại của đơn vị tổng hợp/u });
    await expect.poll(() => problem.isVisible()).toBe(true);
    expect(await ward.getByRole('button', { name: 'Ký và xuất báo cáo' }).isDisabled()).toBe(true);
    await problem.click();
    const answer = ward.getByLabel('Trả lời / giải trình', { exact: true });
    await expect.poll(() => answer.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await ward.getByRole('note').filter({ hasText: COMMENT }).textContent()).toBe(`Trả lại để bổ sung: ${COMMENT}`);
    expect(await ward.getByRole('heading', { level: 2 }).filter({ hasText: itemContent }).count()).toBe(1);
    await answer.fill(ANSWER);
    await screenshot(ward, 'receipt-2-ward-answer');
    const second = await exportReport(ward, 'rt-');
    expect(second.json.header.sequence).toBe(2);
    expect(second.json.payload.answers).toEqual([expect.objectContaining({ itemId, comment: COMMENT, answer: ANSWER, returnedSequence: 1, returnedPackageId: first.json.header.packageId })]);
    // After a reload the answer is still there: saved with the draft.
    await ward.reload();
    await nav(ward, 'Báo cáo tiến độ');
    await choosePeriod(ward);
    await steps(ward).getByRole('button', { name: 'Tổng quan' }).click();
    await receiptCard(ward).getByRole('button', { name: new RegExp(COMMENT, 'u') }).click();
    await expect.poll(() => ward.getByLabel('Trả lời / giải trình', { exact: true }).inputValue()).toBe(ANSWER);
    expect(await ward.getByText('Đã gửi trong gói số 2; chờ đơn vị tổng hợp duyệt.').isVisible()).toBe(true);

    // The city imports the new package: the answer stands beside its comment; it approves.
    await tab(city, 'Nhận gói').click();
    await chooseFile(city, 'Chọn tệp gói…', second.path);
    await tab(city, 'Phản hồi và báo cáo lên').click();
    await expect.poll(() => wardRow.textContent(), { timeout: 30_000 }).toContain('Gói số 2 trả lời 1/1 ý kiến trả lại (gói số 1).');
    const followUp = wardRow.getByRole('list', { name: `Ý kiến trả lại và trả lời của ${WARD}` });
    expect(await followUp.textContent()).toContain(`Ý kiến: ${COMMENT}`);
    expect(await followUp.textContent()).toContain(`Trả lời: ${ANSWER}`);
    await screenshot(city, 'receipt-3-city-answer');
    await tab(city, 'Tình hình nộp').click();
    await expect.poll(() => board.getByRole('row', { name: new RegExp(WARD, 'u') }).textContent()).toContain('Đã bổ sung, chờ duyệt');
    await tab(city, 'Số liệu tổng hợp').click();
    const merged = city.getByRole('region', { name: 'Báo cáo trả lại để bổ sung' });
    await expect.poll(() => merged.textContent()).toContain(`Trả lời: ${ANSWER}`);
    await tab(city, 'Phản hồi và báo cáo lên').click();
    await wardRow.getByRole('button', { name: `Duyệt báo cáo của ${WARD}`, exact: true }).click();
    await expect.poll(() => wardRow.textContent()).toContain('Đã duyệt');
    expect(await wardRow.textContent()).not.toContain('Gói số 2 trả lời'); // approved: the return is closed
    await tab(city, 'Tình hình nộp').click();
    await expect.poll(() => board.getByRole('row', { name: new RegExp(WARD, 'u') }).textContent()).toContain('Đã duyệt');
    await tab(city, 'Phản hồi và báo cáo lên').click();
    const receipt2 = await download(city, `Xuất biên nhận cho ${WARD}`, 'rt-2-');

    // The ward imports the second receipt: approved, nothing left to answer.
    await importReceipt(ward, receipt2);
    await expect.poll(() => receiptCard(ward).textContent()).toContain('Đã duyệt');
    expect(await receiptCard(ward).textContent()).not.toContain('Trả lại để bổ sung');
    await screenshot(ward, 'receipt-4-ward-approved');
    await steps(ward).getByRole('button', { name: 'Nhập báo cáo' }).click();
    await items.getByRole('option').nth(1).click();
    expect(await ward.getByLabel('Trả lời / giải trình', { exact: true }).count()).toBe(0);

    // A copy of package 2 altered after signing reaches the city: refused, and the receipt says why.
    const tampered = `${ARTIFACTS}/rt-da-sua.json`;
    writeFileSync(tampered, readFileSync(second.path, 'utf8').replace('23.391 hồ sơ, trong đó', '25.000 hồ sơ, trong đó'));
    await tab(city, 'Nhận gói').click();
    await chooseFile(city, 'Chọn tệp gói…', tampered);
    const outcome = city.getByRole('table', { name: 'Kết quả nhận gói' }).getByRole('row').filter({ hasText: 'rt-da-sua.json' });
    await expect.poll(() => outcome.textContent(), { timeout: 30_000 }).toContain('Chữ ký không hợp lệ');
    await tab(city, 'Phản hồi và báo cáo lên').click();
    const receipt3 = await download(city, `Xuất biên nhận cho ${WARD}`, 'rt-3-');
    await importReceipt(ward, receipt3);
    await expect.poll(() => receiptCard(ward).textContent()).toContain('Bị từ chối. Chữ ký không hợp lệ: nội dung đã bị thay đổi hoặc không do khóa này ký. Hãy xuất lại và gửi lại.');
    await screenshot(ward, 'receipt-5-ward-refused');
  });
});
