import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { itemId } from '../../../../shared/model/ids';
import { parseTarget } from '../../../../shared/cells/target';
import {
  emptyDraft, judgeIndicator, readDisbursed, readDraft, readIndicatorInput, readPercent, readingPercent,
} from '../../../../shared/progress';

const id = itemId('i1');

describe('indicator input', () => {
  it('reads the ratio of the domain, with its unit word: 23.391/23.802 hồ sơ = 98,27%', () => {
    const r = readIndicatorInput('23.391/23.802 hồ sơ');
    expect(r).toMatchObject({ kind: 'ratio', numerator: 23391, denominator: 23802 });
    if (r.kind === 'ratio') expect(r.percent).toBeCloseTo(98.273, 3);
  });
  it.each([['98,27', 98.27], ['98.27', 98.27], ['98,27%', 98.27], ['23.391', 23391], ['17 phường', 17]])('reads %s as one figure', (typed, value) =>
    expect(readIndicatorInput(typed)).toMatchObject({ kind: 'number', value }));
  it('keeps words as text', () =>
    expect(readIndicatorInput('Đã triển khai tại bộ phận một cửa')).toEqual({ kind: 'text', text: 'Đã triển khai tại bộ phận một cửa' }));
  it.each(['23.391/0', '23.391/', '98,2,7,1', '1/2/3'])('refuses %s with a message instead of storing it', (typed) => {
    const r = readIndicatorInput(typed);
    expect(r.kind === 'invalid' || r.kind === 'text').toBe(true);
    if (typed !== '1/2/3') expect(r.kind).toBe('invalid');
  });
  it('judges against the parsed target: met, not met, cannot judge', () => {
    expect(judgeIndicator(readIndicatorInput('23.391/23.802'), parseTarget('85%'))).toBe('met');
    expect(judgeIndicator(readIndicatorInput('70'), parseTarget('85%'))).toBe('not-met');
    expect(judgeIndicator(readIndicatorInput('100%'), parseTarget('Duy trì 100%'))).toBe('met');
    expect(judgeIndicator(readIndicatorInput('Đang thống kê'), parseTarget('85%'))).toBe('unknown');
    expect(judgeIndicator(readIndicatorInput('50'), parseTarget('-'))).toBe('unknown');
  });
  it('shows a percent beside a ratio, and beside a figure against a percent target', () => {
    expect(readingPercent(readIndicatorInput('1/4'), parseTarget('-'))).toBe(25);
    expect(readingPercent(readIndicatorInput('40'), parseTarget('40%'))).toBe(40);
    expect(readingPercent(readIndicatorInput('40'), parseTarget('17/17'))).toBeNull();
  });
  it('never throws and keeps the text of whatever was typed', () => fc.assert(fc.property(fc.string(), (s) => {
    const r = readIndicatorInput(s);
    return r.kind === 'empty' || r.text === s.normalize('NFC').replace(/[\s\u00a0\u200b\ufeff]+/gu, ' ').trim();
  })));
});

describe('percent, money and the whole draft', () => {
  it.each([['75', 75], ['87,5', 87.5], ['87.5', 87.5], ['100%', 100], ['', null]])('percent %s', (typed, value) =>
    expect(readPercent(typed)).toEqual({ ok: true, value }));
  it.each(['120', '-5', 'abc', '9,,5'])('percent %s is refused with a reason', (typed) => expect(readPercent(typed).ok).toBe(false));
  it.each([['1.250', 1250], ['1.250,5', 1250.5], ['1,5', 1.5], ['2 tỷ đồng', 2000], ['', null]])('disbursed %s', (typed, value) =>
    expect(readDisbursed(typed)).toEqual({ ok: true, value }));
  it('refuses money it cannot read', () => expect(readDisbursed('khoảng một tỷ').ok).toBe(false));

  it('reads a task draft: dates dd/mm/yyyy, evidence rows, blank evidence rows dropped', () => {
    const r = readDraft({ id, kind: 'task' }, {
      ...emptyDraft(), status: 'done', percent: '100', result: ' Đã ban hành kế hoạch ', completedOn: '15/05/2024',
      evidence: [{ ref: '9124/KH-UBND', date: '2/5/2024', note: 'Kế hoạch' }, { ref: '', date: '', note: '' }],
    });
    expect(r.errors).toEqual([]);
    expect(r.entry).toEqual({
      itemId: id, status: 'done', percent: 100, result: 'Đã ban hành kế hoạch', difficulties: '', proposals: '',
      evidence: [{ ref: '9124/KH-UBND', date: '2024-05-02', note: 'Kế hoạch' }], completedOn: '2024-05-15',
    });
    expect(r.indicator).toBeNull();
    expect(r.project).toBeNull();
  });
  it('lists every unreadable field and keeps the rest', () => {
    const r = readDraft({ id, kind: 'indicator' }, {
      ...emptyDraft(), percent: '1o0', completedOn: '31/02/2024', value: '5/0', evidence: [{ ref: 'x', date: 'hôm qua', note: '' }],
    });
    expect(r.errors.map((e) => e.field).sort()).toEqual(['completedOn', 'evidence.0.date', 'percent', 'value']);
    expect(r.errors.every((e) => e.message.length > 0)).toBe(true);
    expect(r.indicator).toEqual({ itemId: id, numerator: null, denominator: null, value: null, text: '5/0' });
  });
  it('reads a project draft', () =>
    expect(readDraft({ id, kind: 'project' }, { ...emptyDraft(), disbursed: '1.250' }).project).toEqual({ itemId: id, disbursedMillionVnd: 1250 }));
});
