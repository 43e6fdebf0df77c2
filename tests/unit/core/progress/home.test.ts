import { describe, expect, it } from 'vitest';
import { itemId, type IsoDate, type PeriodKey } from '../../../../shared/model/ids';
import { emptyDraft, itemsDueIn, overdueItems } from '../../../../shared/progress';

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
});
