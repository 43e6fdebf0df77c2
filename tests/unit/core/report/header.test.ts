// The header of Nghị định 30/2020 (Phụ lục I) derived from unit names, and its place-and-date rules.
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../../shared/model/ids';
import {
  defaultHeader, defaultSigner, issuerLines, numberLine, parentBodyLine, placeAndDate, placeOf, symbolOf,
} from '../../../../shared/report';

const CITY = 'Ủy ban nhân dân thành phố Vũng Tàu';
const PROVINCE = 'Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu';

describe('issuing body', () => {
  it.each([
    [CITY, PROVINCE, null, ['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ VŨNG TÀU']],
    ['Phường Thắng Tam', CITY, null, ['ỦY BAN NHÂN DÂN', 'PHƯỜNG THẮNG TAM']],
    ['Xã Long Sơn', CITY, null, ['ỦY BAN NHÂN DÂN', 'XÃ LONG SƠN']],
    ['Phòng Văn hóa và Thông tin thành phố Vũng Tàu', CITY, 'UBND THÀNH PHỐ VŨNG TÀU', ['PHÒNG VĂN HÓA VÀ THÔNG TIN']],
    ['Sở Thông tin và Truyền thông', PROVINCE, 'UBND TỈNH BÀ RỊA - VŨNG TÀU', ['SỞ THÔNG TIN VÀ TRUYỀN THÔNG']],
  ])('%s under %s', (name, parent, parentLine, lines) => {
    expect(parentBodyLine(name, parent)).toBe(parentLine);
    expect(issuerLines(name, parent)).toEqual(lines);
  });

  it('prints no parent line above a People’s Committee, nor for a unit without parent', () => {
    expect(parentBodyLine(CITY, PROVINCE)).toBeNull();
    expect(parentBodyLine('Sở Tài chính', null)).toBeNull();
  });

  it('reads NFD names (files from other PCs) as NFC', () => {
    expect(issuerLines('Phường Thắng Tam'.normalize('NFD'), null)).toEqual(['ỦY BAN NHÂN DÂN', 'PHƯỜNG THẮNG TAM']);
  });
});

describe('number, place and date', () => {
  it.each([
    [CITY, PROVINCE, 'Vũng Tàu'], ['Phường Thắng Tam', CITY, 'Thắng Tam'], ['Phường 1', CITY, 'Phường 1'],
    ['Phòng Văn hóa và Thông tin thành phố Vũng Tàu', CITY, 'Vũng Tàu'], ['Sở Tài chính', PROVINCE, 'Bà Rịa - Vũng Tàu'],
  ])('the place of %s is %s', (name, parent, place) => expect(placeOf(name, parent)).toBe(place));

  it('writes the date in words, with a leading zero for days below 10 and for January and February', () => {
    expect(placeAndDate('Vũng Tàu', '2024-05-12' as IsoDate, 2024)).toBe('Vũng Tàu, ngày 12 tháng 5 năm 2024');
    expect(placeAndDate('Vũng Tàu', '2024-02-05' as IsoDate, 2024)).toBe('Vũng Tàu, ngày 05 tháng 02 năm 2024');
    expect(placeAndDate('Vũng Tàu', '2024-12-01' as IsoDate, 2024)).toBe('Vũng Tàu, ngày 01 tháng 12 năm 2024');
    expect(placeAndDate('Vũng Tàu', '2024-01-31' as IsoDate, 2024)).toBe('Vũng Tàu, ngày 31 tháng 01 năm 2024');
  });

  it('leaves blanks to write the date and number by hand', () => {
    expect(placeAndDate('Vũng Tàu', null, 2024)).toMatch(/^Vũng Tàu, ngày\s+tháng\s+năm 2024$/u);
    expect(numberLine('/BC-UBND')).toMatch(/^Số:\s{4,}\/BC-UBND$/u);
    expect(numberLine('125/BC-UBND')).toBe('Số: 125/BC-UBND');
  });

  it('derives the symbol and the signer from the body', () => {
    expect(symbolOf(CITY)).toBe('BC-UBND');
    expect(symbolOf('Phường 7')).toBe('BC-UBND');
    expect(symbolOf('Phòng Văn hóa và Thông tin thành phố Vũng Tàu')).toBe('BC-VHTT');
    expect(defaultSigner(CITY)).toEqual({ authority: 'TM. ỦY BAN NHÂN DÂN', title: ['CHỦ TỊCH'], name: '' });
    expect(defaultSigner('Phòng Nội vụ thành phố Vũng Tàu')).toMatchObject({ authority: null, title: ['TRƯỞNG PHÒNG'] });
  });

  it('lets the officer override any part', () => {
    const h = defaultHeader({ unitName: CITY, parentName: PROVINCE, subject: 'S', year: 2024, overrides: { number: '125/BC-UBND', date: '2024-05-12' as IsoDate } });
    expect(h).toMatchObject({ parentBody: null, issuer: ['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ VŨNG TÀU'], number: '125/BC-UBND', place: 'Vũng Tàu', title: 'BÁO CÁO' });
    expect(h.recipients).toEqual(['- UBND tỉnh Bà Rịa - Vũng Tàu (b/c);', '- Lưu: VT.']);
  });
});
