import { describe, expect, it } from 'vitest';
import { itemId, type IsoDate, type PeriodKey } from '../../../../shared/model/ids';
import { emptyDraft, itemsDueIn, judgedOn, overdueItems } from '../../../../shared/progress';

const it_ = (id: string, due: string) => ({ id: itemId(id), due });
const items = [it_('a', 'Quý I/2024'), it_('b', 'Tháng 5/2024'), it_('c', 'Quý II/2024'), it_('d', 'Thường xuyên'), it_('e', '2024')];

describe('home lists', () => {
  it('overdue: past the deadline and not reported finished', () => {
    const today = '2024-05-20' as IsoDate;
    expect(overdueItems(items, [], today).map((i) => i.id)).toEqual(['a']);
    expect(overdueItems(items, [{ itemId: itemId('a'), draft: { ...emptyDraft(), status: 'done-late' }, confirmed: true }], today)).toEqual([]);
    expect(overdueItems(items, [], '2024-07-01' as IsoDate).map((i) => i.id)).toEqual(['a', 'b', 'c']);
  });
  it('due this period: the deadline falls in one of its months', () => {
    expect(itemsDueIn(items, '2024-05' as PeriodKey).map((i) => i.id)).toEqual(['b']);
    expect(itemsDueIn(items, '2024-06' as PeriodKey).map((i) => i.id)).toEqual(['c']);
    expect(itemsDueIn(items, '2024-12' as PeriodKey).map((i) => i.id)).toEqual(['e']);
    expect(itemsDueIn(items, 'nonsense' as PeriodKey)).toEqual([]);
  });
  it('judged at the period\'s cut-off, or today while the period runs', () => {
    const may = { from: '2024-04-11' as IsoDate, to: '2024-05-10' as IsoDate };
    expect(judgedOn(may, '2026-03-01' as IsoDate)).toBe('2024-05-10');
    expect(judgedOn(may, '2024-05-02' as IsoDate)).toBe('2024-05-02');
    expect(judgedOn(may, 'not a date' as IsoDate)).toBe('2024-05-10');
    // A 2024 plan opened in 2026: May 2024 shows only what was overdue then, not the whole year.
    expect(overdueItems(items, [], judgedOn(may, '2026-03-01' as IsoDate)).map((i) => i.id)).toEqual(['a']);
    const december = { from: '2024-11-11' as IsoDate, to: '2024-12-10' as IsoDate };
    expect(overdueItems(items, [], judgedOn(december, '2026-03-01' as IsoDate)).map((i) => i.id)).toEqual(['a', 'b', 'c']);
  });
});
