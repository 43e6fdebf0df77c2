import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fromBase64url } from '../../shared/crypto/encoding';
import { formatFingerprint, keyIdOf } from '../../shared/crypto/hash';
import { buildKeysPackage } from '../../shared/packages';
import { signed, testKey } from '../helpers/packages';
import { THANG_TAM, VT_PLAN, choosePeriod, nav, setUpCity, setUpUnit } from './support/setup';
import { ARTIFACTS, launch, openApp, screenshot } from './support/browser';

// Keys across two installations: a ward saves its enrolment package and the city trusts it after
// typing the fingerprint read over the phone; the ward rotates its key (a keys package signed by
// the old key); the city imports it and the rotation applies by itself, because the old key was
// trusted; a report the ward signs with its new key is then accepted.
const FINGERPRINT = 'Dấu vân tay khóa (đọc qua điện thoại để đơn vị tổng hợp đối chiếu)';


const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true }).click();


/** Clicks a button that downloads a file and keeps it under the artifacts folder. */
async function download(page: Page, click: () => Promise<void>): Promise<string> {
  const waiting = page.waitForEvent('download');
  await click();
  const d = await waiting;
  const file = `${ARTIFACTS}/${d.suggestedFilename()}`;
  await d.saveAs(file);
  return file;
}

async function receive(city: Page, file: string, count: number) {
  await tab(city, 'Nhận gói');
  const chooser = city.waitForEvent('filechooser');
  await city.getByRole('button', { name: 'Chọn tệp gói…' }).click();
  await (await chooser).setFiles(file);
  await expect.poll(() => city.getByText(`Đã kiểm tra ${count}/${count} tệp`).first().isVisible(), { timeout: 30_000 }).toBe(true);
}

/** A new city installation on the consolidation screen that has received a key enrolment, on its Keys tab. */
async function cityWithEnrolment(browser: Browser, enrolment: string): Promise<Page> {
  const { page: city } = await openApp(browser);
  await setUpCity(city);
  await nav(city, 'Tổng hợp');
  await choosePeriod(city);
  await receive(city, enrolment, 1);
  await tab(city, 'Khóa tin cậy');
  return city;
}

/** The ward's May report, every item filled, signed and saved (as in the thin path). */
async function exportReport(ward: Page): Promise<string> {
  await nav(ward, 'Báo cáo tiến độ');
  await choosePeriod(ward);
  await ward.getByRole('button', { name: 'Nhập báo cáo kỳ này' }).click();
  const options = ward.getByRole('listbox', { name: 'Các mục được giao' }).getByRole('option');
  const count = await options.count();
  for (let i = 1; i < count; i++) {
    await options.nth(i).click();
    await ward.getByLabel('Tình trạng').selectOption({ label: 'Chưa triển khai' });
  }
  await ward.getByRole('navigation', { name: 'Các bước báo cáo' }).getByRole('button', { name: 'Kiểm tra và xuất' }).click();
  await expect.poll(() => ward.getByText('Báo cáo đã đủ thông tin, có thể xuất.').isVisible(), { timeout: 10_000 }).toBe(true);
  return download(ward, () => ward.getByRole('button', { name: 'Ký và xuất báo cáo' }).click());
}

describe('keys: enrolment, rotation, trust', () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launch(); });
  afterAll(async () => { await browser?.close(); });

  it('a ward rotates its key; the city applies the rotation and accepts the new key\'s report', async () => {
    const { page: ward } = await openApp(browser);
    await setUpUnit(ward, THANG_TAM);
    await nav(ward, 'Cài đặt');
    const oldFingerprint = (await ward.getByLabel(FINGERPRINT).textContent()) ?? '';
    expect(oldFingerprint).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{1,4}){6}$/u);
    // Browser mode: no backup, said plainly, with the remedy.
    await expect.poll(() => ward.getByText(/Không thể sao lưu khóa ký khi chạy trong trình duyệt/u).isVisible()).toBe(true);
    const enrolment = await download(ward, () => ward.getByRole('button', { name: 'Lưu gói đăng ký khóa…' }).click());
    await expect.poll(() => ward.getByText(/Đã lưu gói đăng ký khóa/u).isVisible()).toBe(true);
    await ward.getByRole('heading', { name: 'Khóa ký của đơn vị' }).scrollIntoViewIfNeeded();
    await screenshot(ward, 'keys-1-ward-settings');

    // The city trusts the enrolment after typing the fingerprint read over the phone.
    const city = await cityWithEnrolment(browser, enrolment);
    const pending = city.getByRole('table', { name: 'Khóa ký chờ xác nhận' });
    await expect.poll(() => pending.locator('code.fingerprint').first().textContent()).toBe(oldFingerprint);
    const typed = pending.getByLabel(/^Gõ mã vân tay .* đọc qua điện thoại$/u);
    await typed.fill('AAAA BBBB');
    await expect.poll(() => pending.getByText('Không khớp: không được tin cậy khóa này').isVisible()).toBe(true);
    expect(await pending.getByRole('button', { name: /^Đã đối chiếu, tin cậy khóa của/u }).isDisabled()).toBe(true);
    await typed.fill(oldFingerprint.toLowerCase().replace(/ /gu, '-'));
    await expect.poll(() => pending.getByText('Khớp', { exact: true }).isVisible()).toBe(true);
    await screenshot(city, 'keys-2-city-pending');
    await pending.getByRole('button', { name: /^Đã đối chiếu, tin cậy khóa của/u }).click();
    const trusted = city.getByRole('table', { name: 'Khóa đã tin cậy' });
    await expect.poll(() => trusted.getByRole('row').count(), { timeout: 15_000 }).toBe(2);
    expect(await trusted.getByRole('row').nth(1).textContent()).toContain('Đăng ký, đã đối chiếu');

    // The ward rotates: a new key, and a keys package signed by the old one.
    await ward.getByRole('button', { name: 'Đổi khóa ký…' }).click();
    const rotationFile = await download(ward, () => ward.getByRole('button', { name: 'Đổi khóa và lưu gói đổi khóa' }).click());
    await expect.poll(() => ward.getByText(/^Đã đổi khóa\. Mã vân tay mới/u).isVisible()).toBe(true);
    const newFingerprint = (await ward.getByLabel(FINGERPRINT).textContent()) ?? '';
    expect(newFingerprint).not.toBe(oldFingerprint);
    expect(await ward.getByText(/^Đã đổi khóa\. Mã vân tay mới/u).textContent()).toContain(newFingerprint);
    await screenshot(ward, 'keys-3-ward-rotated');
    // Signed by the old key and by the new key (issue 3): the new key's proof is in the payload.
    const rotationDoc = JSON.parse(readFileSync(rotationFile, 'utf8')) as { payload: { newKeySignature?: string; publicKey: string; replaces?: string } };
    expect(rotationDoc.payload.newKeySignature).toMatch(/^[A-Za-z0-9_-]{86}$/u);
    expect(formatFingerprint(keyIdOf(fromBase64url(rotationDoc.payload.publicKey)!))).toBe(newFingerprint.trim());

    // The city imports the rotation: applied by itself (both keys signed it), the old key revoked from the new key's validFrom.
    await receive(city, rotationFile, 1);
    await tab(city, 'Khóa tin cậy');
    await expect.poll(() => trusted.getByRole('row').count(), { timeout: 15_000 }).toBe(3);
    const newRow = trusted.getByRole('row').filter({ hasText: newFingerprint });
    expect(await newRow.textContent()).toContain('Đổi khóa');
    expect(await newRow.textContent()).toContain('Đang dùng');
    expect(await trusted.getByRole('row').filter({ hasText: oldFingerprint }).textContent()).toContain('Thu hồi từ');
    // Dates with the time: the enrolment and the rotation of one day are told apart.
    const stamp = /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/u;
    expect(await trusted.getByRole('row').filter({ hasText: oldFingerprint }).textContent()).toMatch(new RegExp(`Thu hồi từ ${stamp.source}`, 'u'));
    expect(await newRow.textContent()).toMatch(stamp);
    expect(await city.getByText('Không có khóa nào đang chờ.').isVisible()).toBe(true);
    await screenshot(city, 'keys-4-city-rotated');

    // A report signed with the new key is accepted at once (no key to confirm).
    const report = await exportReport(ward);
    await receive(city, report, 1);
    const board = city.getByRole('table', { name: /^Tình hình nộp báo cáo Tháng 5\/2024/u });
    await tab(city, 'Tình hình nộp');
    await expect.poll(() => board.getByRole('row', { name: /Phường Thắng Tam/u }).textContent(), { timeout: 15_000 }).toContain('Trễ hạn');
    await tab(city, 'Khóa tin cậy');
    expect(await city.getByText('Không có khóa nào đang chờ.').isVisible()).toBe(true);

    // Revoke, with a confirmation that says what follows.
    await trusted.getByRole('row').filter({ hasText: newFingerprint }).getByRole('button', { name: /^Thu hồi khóa/u }).click();
    await expect.poll(() => city.getByRole('alertdialog').textContent()).toContain('mọi gói ký bằng khóa này sẽ bị từ chối');
    await screenshot(city, 'keys-5-city-revoke-confirm');
    await city.getByRole('alertdialog').getByRole('button', { name: 'Thu hồi khóa' }).click();
    await expect.poll(() => trusted.getByRole('row').filter({ hasText: newFingerprint }).textContent()).toContain('Thu hồi từ');
  });

  it('a rotation signed by the old key only (another implementation) waits for the officer to compare the new key, or to refuse it', async () => {
    // Packages of another implementation, made here: an enrolment, then a rotation without payload.newKeySignature.
    const UNIT = 'brvt.vung-tau.thang-tam';
    const old = testKey('e2e-thang-tam', UNIT);
    const next = testKey('e2e-thang-tam-next', UNIT);
    const write = async (name: string, pkg: ReturnType<typeof buildKeysPackage>) => {
      mkdirSync(ARTIFACTS, { recursive: true });
      const file = `${ARTIFACTS}/${name}`;
      writeFileSync(file, (await signed(pkg, old)).bytes);
      return file;
    };
    const enrolment = await write('other-enrolment.json', buildKeysPackage({ unitId: UNIT, sequence: 1, createdAt: '2024-01-01T00:00:00Z', publicKey: old.publicKey, validFrom: '2024-01-01T00:00:00Z' }));
    const rotationFile = await write('other-rotation.json', buildKeysPackage({ unitId: UNIT, sequence: 2, createdAt: '2024-07-01T00:00:00Z', publicKey: next.publicKey, validFrom: '2024-07-01T00:00:00Z', replaces: old.keyId }));

    const city = await cityWithEnrolment(browser, enrolment);
    const pending = city.getByRole('table', { name: 'Khóa ký chờ xác nhận' });
    await pending.getByRole('button', { name: /^Đã đối chiếu, tin cậy khóa của/u }).click();
    const trusted = city.getByRole('table', { name: 'Khóa đã tin cậy' });
    await expect.poll(() => trusted.getByRole('row').count(), { timeout: 15_000 }).toBe(2);

    // A rotation the unit says it did not make (to a stray key): the officer refuses the new key.
    const stray = testKey('e2e-thang-tam-stray', UNIT);
    const strayFile = await write('other-rotation-stray.json', buildKeysPackage({ unitId: UNIT, sequence: 2, createdAt: '2024-06-15T00:00:00Z', publicKey: stray.publicKey, validFrom: '2024-06-15T00:00:00Z', replaces: old.keyId }));
    await receive(city, strayFile, 1);
    const results = city.getByRole('table', { name: 'Kết quả nhận gói' });
    const strayLine = results.getByRole('row').filter({ hasText: 'other-rotation-stray.json' });
    await expect.poll(() => strayLine.textContent()).toContain('Chờ đối chiếu khóa mới');
    await tab(city, 'Khóa tin cậy');
    const refuse = pending.getByRole('button', { name: new RegExp(`^Từ chối khóa mới ${formatFingerprint(stray.keyId)} của `, 'u') });
    await expect.poll(() => refuse.isVisible()).toBe(true);
    await screenshot(city, 'keys-9-city-unproven-rotation-refuse');
    await refuse.click();
    const ask = city.getByRole('alertdialog');
    expect(await ask.textContent()).toContain('Khóa cũ vẫn được tin cậy');
    await ask.getByRole('button', { name: 'Từ chối khóa mới', exact: true }).click();
    await expect.poll(() => city.getByRole('status').filter({ hasText: 'Đã từ chối khóa mới của' }).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await city.getByText('Không có khóa nào đang chờ.').isVisible()).toBe(true);
    expect(await trusted.getByRole('row').count()).toBe(2); // nothing else changed: the old key in use
    expect(await trusted.getByRole('row').filter({ hasText: formatFingerprint(old.keyId) }).textContent()).toContain('Đang dùng');
    // Its import line now reads as refused, with what to do, and needs no more attention.
    await tab(city, 'Nhận gói');
    await expect.poll(() => strayLine.textContent()).toContain('Đã từ chối khóa mới');
    expect(await strayLine.textContent()).toContain('planbook keygen --rotate');
    expect(await city.getByText('Xong: 1 tệp. 0 được chấp nhận, 0 cần xử lý.').isVisible()).toBe(true);

    // Imported alone, the rotation reads as awaiting the new key's fingerprint, not as plainly accepted.
    await receive(city, rotationFile, 1);
    const line = results.getByRole('row').filter({ hasText: 'other-rotation.json' });
    await expect.poll(() => line.textContent()).toContain('Chờ đối chiếu khóa mới');
    expect(await line.textContent()).toContain('Đã nhận yêu cầu đổi khóa; chờ đối chiếu mã khóa mới.');
    expect(await city.getByText('Xong: 1 tệp. 0 được chấp nhận, 1 cần xử lý.').isVisible()).toBe(true);
    await screenshot(city, 'keys-7-city-unproven-rotation-import');

    // The Keys panel lists it: the new key's fingerprint, confirmed by typing it as for an enrolment.
    await tab(city, 'Khóa tin cậy');
    const row = pending.getByRole('row').filter({ hasText: 'Đổi khóa (chưa có chữ ký của khóa mới)' });
    await expect.poll(() => row.locator('code.fingerprint').textContent()).toBe(formatFingerprint(next.keyId));
    expect(await row.textContent()).toContain(`thay cho khóa ${formatFingerprint(old.keyId)}`);
    const typed = row.getByLabel(/^Gõ mã vân tay .* đọc qua điện thoại$/u);
    await typed.fill(formatFingerprint(old.keyId));
    expect(await row.getByRole('button', { name: /^Đã đối chiếu, tin cậy khóa của/u }).isDisabled()).toBe(true);
    await typed.fill(formatFingerprint(next.keyId));
    await screenshot(city, 'keys-8-city-unproven-rotation-pending');
    await row.getByRole('button', { name: /^Đã đối chiếu, tin cậy khóa của/u }).click();
    await expect.poll(() => city.getByRole('status').filter({ hasText: 'Đã áp dụng đổi khóa' }).isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => trusted.getByRole('row').count()).toBe(3);
    expect(await trusted.getByRole('row').filter({ hasText: formatFingerprint(old.keyId) }).textContent()).toContain('Thu hồi từ 01/07/2024 07:00');
    expect(await trusted.getByRole('row').filter({ hasText: formatFingerprint(next.keyId) }).textContent()).toContain('Đổi khóa');
    expect(await city.getByText('Không có khóa nào đang chờ.').isVisible()).toBe(true);
    // Applied: the import line now reads as accepted.
    await tab(city, 'Nhận gói');
    await expect.poll(() => line.textContent()).toContain('Chấp nhận');
  });

  it('a ward receiving a new revision of an installed plan is offered the keys the signed plan lists', async () => {
    // The city publishes the Vũng Tàu plan, signed, with its own key in the unit list.
    const { page: city } = await openApp(browser);
    await setUpCity(city);
    await nav(city, 'Cài đặt');
    const cityFingerprint = (await city.getByLabel(FINGERPRINT).textContent()) ?? '';
    await nav(city, 'Kế hoạch');
    await city.getByLabel('Chọn kế hoạch').selectOption({ label: VT_PLAN });
    const planFile = await download(city, () => city.getByRole('button', { name: 'Phát hành kế hoạch…' }).click());

    // The ward has the plan already (bundled): the package opens the revision screen, with the prompt.
    const { page: ward } = await openApp(browser);
    await setUpUnit(ward, { query: 'phuong 7', name: 'Phường 7' });
    const chooser = ward.waitForEvent('filechooser');
    await ward.getByRole('button', { name: 'Nhập kế hoạch từ tệp…' }).click();
    await (await chooser).setFiles(planFile);
    await expect.poll(() => ward.getByRole('heading', { name: 'Kế hoạch có bản mới' }).isVisible(), { timeout: 15_000 }).toBe(true);
    const offer = ward.getByRole('region', { name: /^Kế hoạch do Ủy ban nhân dân thành phố Vũng Tàu ký và kèm \d+ khóa ký/u });
    await expect.poll(() => offer.isVisible()).toBe(true);
    expect(await offer.getByLabel('Mã vân tay khóa của đơn vị ban hành').textContent()).toBe(cityFingerprint);
    const typed = offer.getByLabel('Gõ mã vân tay đơn vị ban hành đọc (không bắt buộc)');
    await typed.fill('AAAA');
    expect(await offer.getByRole('button', { name: 'Đã đối chiếu, tin cậy đơn vị ban hành và các khóa' }).isDisabled()).toBe(true);
    await typed.fill(cityFingerprint);
    await screenshot(ward, 'keys-6-revision-plan-keys');
    await offer.getByRole('button', { name: 'Đã đối chiếu, tin cậy đơn vị ban hành và các khóa' }).click();
    await expect.poll(() => ward.getByRole('status').filter({ hasText: 'vào danh sách tin cậy' }).textContent()).toMatch(/^Đã thêm 1 khóa mới vào danh sách tin cậy/u);
  });
});
