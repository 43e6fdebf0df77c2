// What people read for each reason, in Vietnamese (the app's language) and English (logs, the
// command line's --lang en). An exhaustive switch: a new reason does not compile without its text.
import type { TrustError } from './trust';
import type { Reason } from './types';

export type Lang = 'vi' | 'en';

function missingCase(x: never): never {
  throw new Error(`unhandled reason ${String(x)}`);
}

export function reasonMessage(reason: Reason, lang: Lang = 'vi'): string {
  const [vi, en] = texts(reason);
  return lang === 'vi' ? vi : en;
}

function texts(reason: Reason): [vi: string, en: string] {
  switch (reason) {
    case 'ok': return ['Hợp lệ: gói đã được kiểm tra chữ ký và chấp nhận.', 'Valid: the package is signed correctly and accepted.'];
    case 'malformed': return ['Tệp không đúng định dạng gói PlanBook (hỏng, bị cắt hoặc bị sửa).', 'The file is not a well-formed PlanBook package (damaged, truncated or edited).'];
    case 'too-large': return ['Tệp quá lớn (vượt giới hạn 20 MiB).', 'The file is too large (over the 20 MiB limit).'];
    case 'unsupported-version': return ['Gói được tạo bởi phiên bản mới hơn; hãy cập nhật phần mềm.', 'The package was made by a newer version; update the application.'];
    case 'bad-signature': return ['Chữ ký không hợp lệ: nội dung đã bị thay đổi hoặc không do khóa này ký.', 'Bad signature: the content was changed or not signed by this key.'];
    case 'unknown-key': return ['Khóa ký chưa được đăng ký tin cậy; hãy đối chiếu mã vân tay với đơn vị gửi.', 'The signing key is not trusted yet; compare its fingerprint with the sending unit.'];
    case 'revoked-key': return ['Khóa ký đã bị thu hồi trước thời điểm ký gói này.', 'The signing key was revoked before this package was signed.'];
    case 'wrong-unit': return ['Khóa ký thuộc về một đơn vị khác với đơn vị ghi trong gói.', 'The signing key belongs to another unit than the one named in the package.'];
    case 'wrong-plan': return ['Gói thuộc một kế hoạch khác.', 'The package belongs to another plan.'];
    case 'unknown-period': return ['Kỳ báo cáo không có trong kế hoạch.', 'The reporting period is not part of the plan.'];
    case 'stale': return ['Gói cũ hơn gói đã nhận (số thứ tự thấp hơn).', 'The package is older than one already received (lower sequence).'];
    case 'conflict': return ['Xung đột: cùng số thứ tự nhưng nội dung khác gói đã nhận; cần cán bộ quyết định.', 'Conflict: same sequence as a received package but different content; an officer must decide.'];
    case 'duplicate': return ['Gói này đã được nhận trước đó; không có thay đổi.', 'This package was already received; nothing changed.'];
    default: return missingCase(reason);
  }
}

/** What a refused trust act means (adding, rotating, revoking a key), for people; exhaustive like reasons. */
export function trustErrorMessage(error: TrustError, lang: Lang = 'vi'): string {
  const [vi, en] = trustTexts(error);
  return lang === 'vi' ? vi : en;
}

function trustTexts(error: TrustError): [vi: string, en: string] {
  switch (error) {
    case 'bad-public-key': return ['Khóa công khai không hợp lệ (sai độ dài hoặc không khớp mã khóa).', 'The public key is invalid (wrong length or not matching its key id).'];
    case 'small-order-key': return ['Khóa công khai yếu (bậc nhỏ), không thể dùng để ký; đơn vị cần tạo khóa mới.', 'The public key is weak (small order) and cannot be used for signing; the unit must create a new key.'];
    case 'key-of-other-unit': return ['Khóa này đã được tin cậy cho một đơn vị khác; một khóa chỉ thuộc về một đơn vị.', 'This key is already trusted for another unit; a key belongs to one unit only.'];
    case 'not-trusted': return ['Gói đổi khóa không do khóa cũ đang được tin cậy của đơn vị ký.', 'The rotation package is not signed by a trusted old key of the unit.'];
    case 'unknown-key': return ['Khóa này không có trong danh sách tin cậy.', 'This key is not in the trusted list.'];
    case 'fingerprint-mismatch': return ['Mã vân tay gõ vào không khớp với khóa; chưa tin cậy khóa này.', 'The typed fingerprint does not match the key; the key was not trusted.'];
    case 'issuer-not-trusted': return ['Khóa của đơn vị ban hành kế hoạch chưa được tin cậy; hãy đối chiếu mã vân tay trước.', 'The key of the plan\'s issuing unit is not trusted; compare its fingerprint first.'];
    case 'not-a-rotation': return ['Gói khóa này không phải gói đổi khóa.', 'This keys package is not a rotation.'];
    case 'rotation-unproven': return ['Gói đổi khóa không có chữ ký của khóa mới, nên không được áp dụng tự động; hãy đối chiếu mã vân tay của khóa mới với đơn vị qua điện thoại.', 'The rotation package carries no signature by the new key, so it is not applied by itself; compare the new key\'s fingerprint with the unit over the phone.'];
    default: return missingCase(error);
  }
}
