// What people read for each reason, in Vietnamese (the app's language) and English (logs, the
// command line's --lang en). An exhaustive switch: a new reason does not compile without its text.
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
