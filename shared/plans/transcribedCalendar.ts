// A plan's reporting calendar, read from its own words (the `reporting` lines of a transcribed
// plan). A duty that names its days wins over one that does not: brvt-cqs-2023-2025 first says
// "định kỳ hàng tháng, quý, năm báo cáo kết quả đánh giá" (an evaluation, no day given) and later
// "định kỳ 6 tháng và hàng năm (trước ngày 15/12) báo cáo kết quả thực hiện Kế hoạch này" (the
// plan's own progress report): the second one is the calendar.
import type { PeriodKind, ReportingCalendar } from '../model/plan';
import { NATIONAL_CUT_OFF_DAY } from '../periods/calendar';
import { fold } from '../text/fold';

/**
 * Nghị định 09/2019/NĐ-CP, art. 12: a provincial department's periodic report reaches the
 * province by the 20th of the period's last month, with data to the 14th.
 */
export const NATIONAL_DUE_DAY = 20;

export type DerivedCalendar = { calendar: ReportingCalendar; /** which rule decided, for the import warnings */ basis: string };

const national = (kinds: PeriodKind[]): ReportingCalendar => ({
  kinds, dueDay: NATIONAL_DUE_DAY, cutOffDay: NATIONAL_CUT_OFF_DAY, yearlyDue: null, consolidateBy: null,
});

const dayIn = (n: string | undefined): number | null => {
  const d = Number(n);
  return Number.isInteger(d) && d >= 1 && d <= 31 ? d : null;
};

export function calendarFromReporting(reporting: readonly string[], level: string | null): DerivedCalendar {
  const lines = reporting.map((l, n) => ({ n, text: fold(l) }));

  // 1. Monthly with a due day: "định kỳ hàng tháng vào ngày 12 của tháng, ... chốt số liệu ... đến ngày 10".
  for (const { n, text } of lines) {
    const due = /hang thang vao ngay (\d{1,2})/u.exec(text) ?? (/hang thang/u.test(text) ? /vao ngay (\d{1,2}) cua thang/u.exec(text) : null);
    const dueDay = dayIn(due?.[1]);
    if (dueDay === null) continue;
    const cut = dayIn(/chot so lieu[^.]*?den ngay (\d{1,2})/u.exec(text)?.[1]);
    // The consolidating unit's own day: another line, "tổng hợp ... vào ngày 25 hàng tháng".
    const consolidate = lines
      .filter((l) => l.n !== n && /tong hop/u.test(l.text))
      .map((l) => dayIn(/ngay (\d{1,2}) hang thang/u.exec(l.text)?.[1]))
      .find((d) => d !== null) ?? null;
    return {
      calendar: { kinds: ['month'], dueDay, cutOffDay: cut ?? NATIONAL_CUT_OFF_DAY, yearlyDue: null, consolidateBy: consolidate },
      basis: `reporting line ${n + 1}: monthly, due day ${dueDay}`,
    };
  }

  // 2. Half-yearly and/or yearly with a date: "định kỳ 6 tháng và hàng năm (trước ngày 15/12)".
  for (const { n, text } of lines) {
    const by = /truoc ngay (\d{1,2})\/(\d{1,2})/u.exec(text);
    if (!by || !/(6 thang|hang nam|hang quy)/u.test(text)) continue;
    const kinds: PeriodKind[] = [];
    if (/hang quy/u.test(text)) kinds.push('quarter');
    if (/6 thang/u.test(text)) kinds.push('half');
    if (/hang nam|ca nam/u.test(text)) kinds.push('year');
    const d = dayIn(by[1]);
    const m = Number(by[2]);
    const yearlyDue = d !== null && m >= 1 && m <= 12 && kinds.includes('year') ? `${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` : null;
    return { calendar: { ...national(kinds), yearlyDue }, basis: `reporting line ${n + 1}: ${kinds.join('+')}, dated` };
  }

  // 3. Quarterly without a day (the steering committee's secretariat): the national days.
  for (const { n, text } of lines) {
    if (/hang quy|moi quy|theo quy/u.test(text)) return { calendar: national(['quarter']), basis: `reporting line ${n + 1}: quarterly, national days` };
  }

  // 4. Nothing said: a city's wards report monthly, anyone else every six months and yearly.
  return level === 'city' || level === 'district'
    ? { calendar: national(['month']), basis: `level ${level}: monthly, national days` }
    : { calendar: national(['half', 'year']), basis: `level ${level ?? 'unknown'}: half-yearly and yearly, national days` };
}
