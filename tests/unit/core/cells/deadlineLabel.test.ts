// The plan browser's "what PlanBook understood" of a deadline cell, in the UI language: the
// plan's own words in Vietnamese, English periods in English, dates Vietnamese in both.
import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../../../../shared/cells/deadline';
import { deadlineLabel } from '../../../../renderer/features/plans/ParsedCells';
import { translate, type Lang } from '../../../../renderer/i18n';

const say = (lang: Lang, cell: string) => {
  const d = parseDeadline(cell);
  const label = deadlineLabel((key, params) => translate(lang, key, params), lang, d);
  return translate(lang, `parsed.kind.${d.kind}`, { label, due: '…' });
};

describe('deadline label', () => {
  it.each([
    ['Quý II/2023', 'Một kỳ: Quý II/2023, hạn …', 'One period: Q2 2023, due …'],
    ['Tháng 9/2023', 'Một kỳ: Tháng 9/2023, hạn …', 'One period: September 2023, due …'],
    ['6 tháng đầu năm 2024', 'Một kỳ: 6 tháng đầu năm 2024, hạn …', 'One period: H1 2024, due …'],
    ['Năm 2024', 'Một kỳ: Năm 2024, hạn …', 'One period: Year 2024, due …'],
    ['2023-2025', 'Giai đoạn 2023-2025, hạn cuối …', 'Span 2023-2025, due at the end …'],
    ['Quý II-III/2023', 'Giai đoạn Quý II-III/2023, hạn cuối …', 'Span Q2 2023 – Q3 2023, due at the end …'],
    ['Hàng năm', 'Lặp lại: Hằng năm', 'Recurring: every year'],
    ['Định kỳ 6 tháng', 'Lặp lại: Định kỳ 6 tháng', 'Recurring: every six months'],
    ['Hàng quý', 'Lặp lại: Hằng quý', 'Recurring: every quarter'],
    ['Thường xuyên', 'Thường xuyên, không có hạn cụ thể', 'Ongoing, no fixed deadline'],
  ])('reads %s', (cell, vi, en) => {
    expect(say('vi', cell)).toBe(vi);
    expect(say('en', cell)).toBe(en);
  });

  it('keeps dates Vietnamese and free text as written in both languages', () => {
    const t = (lang: Lang) => (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(lang, key, params);
    expect(deadlineLabel(t('en'), 'en', parseDeadline('30/6/2023'))).toBe('30/06/2023');
    expect(deadlineLabel(t('en'), 'en', parseDeadline('Theo chương trình của Bộ'))).toBe('Theo chương trình của Bộ');
  });
});
