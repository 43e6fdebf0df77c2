// Issue 5: a ward answers the comments of a returned report; the answers live in the items'
// drafts, block the export while missing, travel in `payload.answers` of the next report
// package, and the consolidating unit reads them beside its comments.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { itemId, type PeriodKey, type UnitId } from '../../../../shared/model/ids';
import type { ItemKind } from '../../../../shared/model/plan';
import { buildReportPackage, verifyPackage, type ReceivedEntry } from '../../../../shared/packages';
import {
  answersToComments, answerTo, applyPatch, blockers, buildReportPayload, carryForward, changedFields, checkCompleteness, diffReports, emptyDraft,
  isBlank, readReportAnswers, readReportPayload, reportAnswers, reviveDraft, withAnswer, type EntryDraft, type OpenComment, type ProgressRow,
} from '../../../../shared/progress';
import { openComments } from '../../../../shared/receipts';
import { signed } from '../../../helpers/packages';

const item = (id: string, kind: ItemKind = 'task') => ({ id: itemId(id), kind });
const row = (id: string, d: Partial<EntryDraft>): ProgressRow => ({ itemId: itemId(id), draft: { ...emptyDraft(), ...d }, confirmed: true });
const comment = (id: string, text: string, returnedPackageId = 'pkg-1', returnedSequence = 1): OpenComment =>
  ({ itemId: itemId(id), text, returnedPackageId, returnedSequence, receiptPackageId: 'receipt:city:p7:plan:2024-05:1' });

const items = [item('t.1.1'), item('i.1.1', 'indicator')];
const c1 = comment('t.1.1', 'Bổ sung danh sách thiết bị đã mua');
const c2 = comment('t.1.1', 'Ghi rõ nguồn kinh phí');
const filled = (answers: EntryDraft['answers'] = []) => [
  row('t.1.1', { status: 'in-progress', answers }), row('i.1.1', { status: 'in-progress', value: '23.391/23.802' }),
];

describe('answers in the draft', () => {
  it('withAnswer sets, replaces and (when emptied) removes one comment’s answer, keeping the others', () => {
    const one = withAnswer([], c1, 'Đã mua 12 máy tính');
    const two = withAnswer(one, c2, 'Ngân sách phường');
    expect(two.map((a) => [a.comment, a.answer])).toEqual([[c1.text, 'Đã mua 12 máy tính'], [c2.text, 'Ngân sách phường']]);
    const edited = withAnswer(two, c1, 'Đã mua 14 máy tính');
    expect(answerTo({ ...emptyDraft(), answers: edited }, c1)).toBe('Đã mua 14 máy tính');
    expect(edited[0]).toEqual({ returnedPackageId: 'pkg-1', returnedSequence: 1, receiptPackageId: c1.receiptPackageId, comment: c1.text, answer: 'Đã mua 14 máy tính' });
    expect(withAnswer(edited, c1, '').map((a) => a.comment)).toEqual([c2.text]);
    expect(two).toHaveLength(2); // never mutated
  });
  it('an answer to the same words on another returned package is another answer', () => {
    const later = comment('t.1.1', c1.text, 'pkg-2', 2);
    const d = { ...emptyDraft(), answers: withAnswer([], c1, 'lần 1') };
    expect(answerTo(d, later)).toBe('');
  });
  it('changes like any field: changedFields, undo back to the draft, revive from storage', () => {
    const d = emptyDraft();
    const patch = { answers: withAnswer(d.answers, c1, 'Đã mua') };
    const change = changedFields(d, patch);
    expect(change).toEqual({ before: { answers: [] }, after: patch });
    expect(changedFields(applyPatch(d, patch), patch)).toBeNull();
    const undone = applyPatch(applyPatch(d, change?.after ?? {}), change?.before ?? {});
    expect(undone).toEqual(d);
    const stored = JSON.parse(JSON.stringify(applyPatch(d, patch))) as unknown;
    expect(reviveDraft(stored).answers).toEqual(patch.answers);
    expect(reviveDraft({ status: 'done' }).answers).toEqual([]); // a row from before issue 5
    expect(isBlank(applyPatch(d, patch))).toBe(false);
  });
  it('revives anything into a list of answers', () => fc.assert(fc.property(fc.anything(), (x) => {
    const a = reviveDraft({ answers: x }).answers ?? [];
    return Array.isArray(a) && a.every((v) => typeof v.answer === 'string' && typeof v.comment === 'string' && Number.isSafeInteger(v.returnedSequence));
  })));
  it('is not carried into a new period', () =>
    expect(carryForward(filled(withAnswer([], c1, 'x')))[0]?.draft.answers).toEqual([]));
});

describe('completeness with returned comments', () => {
  it('lists each comment without an answer as a blocker on its item, field answer.<n>', () => {
    const problems = checkCompleteness(items, filled(), { confirmed: true }, [c1, c2]);
    expect(problems).toEqual([
      { itemId: 't.1.1', kind: 'unanswered', severity: 'blocker', field: 'answer.0' },
      { itemId: 't.1.1', kind: 'unanswered', severity: 'blocker', field: 'answer.1' },
    ]);
    expect(blockers(problems)).toHaveLength(2);
  });
  it('an answer of spaces does not count; one answered comment leaves the other', () => {
    const answers = withAnswer(withAnswer([], c1, '   '), c2, 'Ngân sách phường');
    expect(checkCompleteness(items, filled(answers), { confirmed: true }, [c1, c2])).toEqual([{ itemId: 't.1.1', kind: 'unanswered', severity: 'blocker', field: 'answer.0' }]);
  });
  it('a commented item with no row yet needs its status and its answer', () =>
    expect(checkCompleteness([item('t.1.1')], [], { confirmed: true }, [c1]).map((p) => p.kind)).toEqual(['unanswered', 'no-status']));
  it('nothing to answer when every comment is answered, or for comments on items not assigned', () => {
    expect(checkCompleteness(items, filled(withAnswer(withAnswer([], c1, 'a'), c2, 'b')), { confirmed: true }, [c1, c2])).toEqual([]);
    expect(checkCompleteness(items, filled(), { confirmed: true }, [comment('t.9.9', 'x')])).toEqual([]);
  });
});

describe('answers in the report payload', () => {
  it('a report with nothing answered is the contract payload exactly (no answers field)', () =>
    expect(Object.keys(buildReportPayload(items, filled(), ''))).toEqual(['entries', 'indicatorValues', 'projectValues', 'narrative']));
  it('carries every answer with text, trimmed, in plan order, with its comment and the returned package', () => {
    const answers = withAnswer(withAnswer(withAnswer([], c2, ' Ngân sách phường '), c1, 'Đã mua 12 máy'), comment('t.1.1', 'Chưa rõ', 'pkg-1'), '');
    const p = buildReportPayload(items, [...filled(answers), row('t.9.9', { answers: withAnswer([], comment('t.9.9', 'x'), 'y') })], '');
    expect(p.answers).toEqual([
      { itemId: 't.1.1', comment: c2.text, answer: 'Ngân sách phường', returnedPackageId: 'pkg-1', returnedSequence: 1, receiptPackageId: c1.receiptPackageId },
      { itemId: 't.1.1', comment: c1.text, answer: 'Đã mua 12 máy', returnedPackageId: 'pkg-1', returnedSequence: 1, receiptPackageId: c1.receiptPackageId },
    ]);
    expect(reportAnswers(items, filled(withAnswer([], c1, '  ')))).toEqual([]);
  });
  it('goes through signing and verification, and reads back equal; the diff names the item', async () => {
    const payload = buildReportPayload(items, filled(withAnswer([], c1, 'Đã mua 12 máy')), 'Tháng 5');
    const unsigned = buildReportPackage({ unitId: 'brvt.vung-tau.thang-tam', planId: 'vt-2024', planRevision: 1, period: '2024-05', sequence: 2, createdAt: '2024-06-10T08:00:00Z' }, payload);
    const { bytes } = await signed(unsigned, 'brvt.vung-tau.thang-tam');
    const v = await verifyPackage(bytes);
    expect(v.reason).toBe('ok');
    expect(readReportPayload(v.package)).toEqual(payload);
    expect(readReportAnswers(v.package?.payload)).toEqual(payload.answers);
    const before = buildReportPayload(items, filled(), 'Tháng 5');
    expect(diffReports(before, payload)).toEqual([{ kind: 'answers', itemId: 't.1.1' }]);
    expect(diffReports(payload, payload)).toEqual([]);
  });
  it('reading ignores answers that name no item or say nothing, and a payload without answers', () => {
    expect(readReportAnswers({ answers: [{ itemId: 't.1.1', answer: '' }, { answer: 'x' }, 'x', { itemId: 't.1.1', answer: 'ok', returnedSequence: -1 }] }))
      .toEqual([{ itemId: 't.1.1', comment: '', answer: 'ok', returnedPackageId: '', returnedSequence: 0, receiptPackageId: '' }]);
    expect(readReportAnswers({ answers: 'x' })).toEqual([]);
    expect(readReportPayload({ entries: [] })).toEqual({ entries: [], indicatorValues: [], projectValues: [], narrative: '' });
  });
});

describe('the comments a ward still answers, and the city’s view of the answers', () => {
  const entry = (packageId: string, sequence: number, review?: ReceivedEntry['review']): ReceivedEntry => ({
    packageId, unitId: 'p7' as UnitId, period: '2024-05' as PeriodKey, sequence, reason: 'ok', receivedAt: `2024-05-1${sequence}T02:00:00.000Z`, ...(review ? { review } : {}),
  });
  const exported = [{ packageId: 'pkg-1', sequence: 1 }, { packageId: 'pkg-2', sequence: 2 }];
  const returned = { state: 'returned' as const, comments: [{ itemId: itemId('t.1.1'), text: c1.text }] };
  it('are those of the latest review when it returned the report, also after the answer was exported', () => {
    expect(openComments([entry('pkg-1', 1, returned)], 'p7', exported.slice(0, 1), c1.receiptPackageId)).toEqual([c1]);
    expect(openComments([entry('pkg-1', 1, returned), entry('pkg-2', 2)], 'p7', exported, c1.receiptPackageId)).toEqual([c1]);
  });
  it('close with an approval of a newer package, and never come from another unit or an unknown package', () => {
    expect(openComments([entry('pkg-1', 1, returned), entry('pkg-2', 2, { state: 'approved', comments: [] })], 'p7', exported, 'r')).toEqual([]);
    expect(openComments([{ ...entry('pkg-1', 1, returned), unitId: 'p8' as UnitId }], 'p7', exported, 'r')).toEqual([]);
    expect(openComments([entry('pkg-9', 1, returned)], 'p7', exported, 'r')).toEqual([]);
    expect(openComments([entry('pkg-1', 1)], 'p7', exported, 'r')).toEqual([]);
  });
  it('a second return replaces the first comments with its own', () => {
    const again = { state: 'returned' as const, comments: [{ itemId: itemId('i.1.1'), text: 'Số liệu chưa khớp' }] };
    expect(openComments([entry('pkg-1', 1, returned), entry('pkg-2', 2, again)], 'p7', exported, 'r'))
      .toEqual([{ itemId: 'i.1.1', text: 'Số liệu chưa khớp', returnedPackageId: 'pkg-2', returnedSequence: 2, receiptPackageId: 'r' }]);
  });
  it('the city sets each comment of the returned package beside the answer the newer package gave, or null', () => {
    const payload = buildReportPayload(items, filled(withAnswer([], c1, 'Đã mua 12 máy')), '');
    const comments = [{ itemId: itemId('t.1.1'), text: c1.text }, { itemId: itemId('i.1.1'), text: 'Số liệu?' }];
    expect(answersToComments({ packageId: 'pkg-1', comments }, payload.answers ?? [])).toEqual([
      { itemId: 't.1.1', comment: c1.text, answer: 'Đã mua 12 máy' }, { itemId: 'i.1.1', comment: 'Số liệu?', answer: null },
    ]);
    expect(answersToComments({ packageId: 'pkg-0', comments }, payload.answers ?? []).every((a) => a.answer === null)).toBe(true);
  });
});
