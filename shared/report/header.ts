// The header of Nghị định 30/2020/NĐ-CP (Phụ lục I): issuing body, number and symbol, place and
// date, and the signature block, with defaults derived from the unit's name. Every default is
// only a starting point: the officer edits number, date, signer and recipients before printing.
import type { IsoDate } from '../model/ids';
import type { ReportHeader } from './types';

const LOCALITY = /(?:^|\s)(tỉnh|thành phố|thị xã|huyện|quận|phường|xã|thị trấn)\s+(.+)$/iu;
const UBND = /^(?:ủy|uỷ) ban nhân dân\s+/iu;
const upper = (s: string) => s.normalize('NFC').toUpperCase();
const clean = (s: string) => s.normalize('NFC').replace(/\s+/gu, ' ').trim();

/** A unit that is an administrative area (its body is the People's Committee): `Phường 1`, `Xã Long Sơn`. */
const isLocality = (name: string) => /^(tỉnh|thành phố|thị xã|huyện|quận|phường|xã|thị trấn)\s/iu.test(name);

/** `Ủy ban nhân dân thành phố Vũng Tàu` → `thành phố Vũng Tàu`; a locality name as it is; else null. */
function peoplesCommitteeOf(name: string): string | null {
  const n = clean(name);
  if (UBND.test(n)) return n.replace(UBND, '');
  return isLocality(n) ? n : null;
}

/**
 * The issuing body as printed, one string per line: a People's Committee is `ỦY BAN NHÂN DÂN` over
 * its area; an office under a locality drops the locality its parent line already names
 * (`Phòng Văn hóa và Thông tin thành phố Vũng Tàu` under the city → `PHÒNG VĂN HÓA VÀ THÔNG TIN`).
 */
export function issuerLines(unitName: string, parentName: string | null): string[] {
  const area = peoplesCommitteeOf(unitName);
  if (area !== null) return ['ỦY BAN NHÂN DÂN', upper(area)];
  let n = clean(unitName);
  const parentArea = parentName === null ? null : peoplesCommitteeOf(parentName);
  if (parentArea && n.toLowerCase().endsWith(` ${parentArea.toLowerCase()}`)) n = n.slice(0, n.length - parentArea.length - 1);
  return [upper(n)];
}

/**
 * The line above the issuer. Nghị định 30 prints the managing body above an office
 * (`UBND THÀNH PHỐ VŨNG TÀU` over its Phòng), but none above a People's Committee itself.
 */
export function parentBodyLine(unitName: string, parentName: string | null): string | null {
  if (parentName === null || peoplesCommitteeOf(unitName) !== null) return null;
  const area = peoplesCommitteeOf(parentName);
  return area !== null ? `UBND ${upper(area)}` : upper(clean(parentName));
}

/** The place of the place-and-date line: the unit's area (`Vũng Tàu`), or its parent's; a numbered ward keeps its name. */
export function placeOf(unitName: string, parentName: string | null): string {
  for (const name of [unitName, parentName]) {
    if (name === null) continue;
    const m = LOCALITY.exec(clean(name));
    if (m?.[2]) return /^\d+$/u.test(m[2]) ? `${m[1]?.replace(/^./u, (c) => c.toUpperCase())} ${m[2]}` : m[2];
  }
  return '';
}

/** The symbol after the number: `BC-UBND` for a People's Committee, else `BC-` and the initials of the body. */
export function symbolOf(unitName: string): string {
  if (peoplesCommitteeOf(unitName) !== null) return 'BC-UBND';
  // `Phòng Văn hóa và Thông tin thành phố Vũng Tàu` → VHTT: the kind of office and its area are not in the symbol.
  const words = clean(unitName).replace(/^(phòng|sở|ban|văn phòng)\s+/iu, '')
    .replace(/\s(tỉnh|thành phố|thị xã|huyện|quận|phường|xã|thị trấn)\s.+$/iu, '').split(' ')
    .filter((w) => !/^và$/iu.test(w));
  const initials = words.map((w) => upper(w.charAt(0))).join('').replace(/[^\p{Lu}\p{N}]/gu, '');
  return `BC-${initials || 'UBND'}`;
}

export function defaultSigner(unitName: string): ReportHeader['signer'] {
  if (peoplesCommitteeOf(unitName) !== null) return { authority: 'TM. ỦY BAN NHÂN DÂN', title: ['CHỦ TỊCH'], name: '' };
  if (/^phòng\s/iu.test(clean(unitName))) return { authority: null, title: ['TRƯỞNG PHÒNG'], name: '' };
  if (/^sở\s/iu.test(clean(unitName))) return { authority: null, title: ['GIÁM ĐỐC'], name: '' };
  return { authority: null, title: ['THỦ TRƯỞNG ĐƠN VỊ'], name: '' };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * `Vũng Tàu, ngày 12 tháng 5 năm 2024`. Nghị định 30 writes a day below 10 and the months 1 and 2
 * with a leading zero (`ngày 05 tháng 02`), so a date cannot be altered by adding a digit.
 */
export function placeAndDate(place: string, date: IsoDate | null, year: number): string {
  const m = date === null ? null : /^(\d{4})-(\d{2})-(\d{2})$/u.exec(date);
  const prefix = place ? `${place}, ` : '';
  if (!m) return `${prefix}ngày\u00a0\u00a0\u00a0\u00a0\u00a0 tháng\u00a0\u00a0\u00a0\u00a0\u00a0 năm ${year}`;
  const day = Number(m[3]);
  const month = Number(m[2]);
  return `${prefix}ngày ${day < 10 ? pad2(day) : day} tháng ${month < 3 ? pad2(month) : month} năm ${m[1]}`;
}

/** `Số: 125/BC-UBND`; a number not yet given (`/BC-UBND`) leaves room to write it in at registration. */
export function numberLine(number: string): string {
  const n = clean(number);
  return n.startsWith('/') ? `Số:\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0${n}` : `Số: ${n}`;
}

export type HeaderInput = {
  unitName: string;
  parentName: string | null;
  subject: string;
  year: number;
  /** Anything given here wins over the defaults. */
  overrides?: Partial<ReportHeader>;
};

export function defaultHeader(input: HeaderInput): ReportHeader {
  const { unitName, parentName } = input;
  const recipients = [
    ...(parentName ? [`- ${parentName.replace(UBND, 'UBND ')} (b/c);`] : []),
    '- Lưu: VT.',
  ];
  return {
    parentBody: parentBodyLine(unitName, parentName),
    issuer: issuerLines(unitName, parentName),
    number: `/${symbolOf(unitName)}`,
    place: placeOf(unitName, parentName),
    date: null,
    year: input.year,
    title: 'BÁO CÁO',
    subject: input.subject,
    recipients,
    signer: defaultSigner(unitName),
    ...input.overrides,
  };
}
