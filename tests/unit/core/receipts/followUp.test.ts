// At the consolidating unit, after returning a report: waiting for the unit, or its newer package
// set beside each comment with its answer; nothing once the latest review approves.
import { describe, expect, it } from 'vitest';
import { itemId } from '../../../../shared/model/ids';
import { buildReportPayload, emptyDraft, withAnswer } from '../../../../shared/progress';
import { reviewFollowUp } from '../../../../shared/receipts';

const comments = [{ itemId: itemId('t.1.1'), text: 'Bổ sung danh sách thiết bị' }, { itemId: itemId('i.1.1'), text: 'Số liệu chưa khớp' }];
const returned = { packageId: 'pkg-1', sequence: 1, review: { state: 'returned' as const, comments } };
const second = { packageId: 'pkg-2', sequence: 2, review: null };
const answers = () => buildReportPayload([{ id: itemId('t.1.1'), kind: 'task' }], [{
  itemId: itemId('t.1.1'), confirmed: true,
  draft: { ...emptyDraft(), status: 'done', answers: withAnswer([], { itemId: itemId('t.1.1'), text: comments[0]?.text ?? '', returnedPackageId: 'pkg-1', returnedSequence: 1, receiptPackageId: 'r1' }, 'Đã mua 12 máy') },
}], '').answers ?? [];

describe('review follow-up', () => {
  it('waits while no newer package came, without reading any answers', () => {
    let read = 0;
    const f = reviewFollowUp([returned], { packageId: 'pkg-1', sequence: 1 }, () => { read++; return []; });
    expect(f).toEqual({ kind: 'waiting', returned: { packageId: 'pkg-1', sequence: 1 }, comments: [
      { itemId: 't.1.1', comment: comments[0]?.text, answer: null }, { itemId: 'i.1.1', comment: comments[1]?.text, answer: null },
    ] });
    expect(read).toBe(0);
  });
  it('sets the newer package’s answers beside the comments and counts them', () => {
    const f = reviewFollowUp([second, returned], { packageId: 'pkg-2', sequence: 2 }, answers);
    expect(f).toMatchObject({ kind: 'answered', answeredIn: { packageId: 'pkg-2', sequence: 2 }, answered: 1 });
    expect(f?.comments.map((c) => c.answer)).toEqual(['Đã mua 12 máy', null]);
  });
  it('says nothing without a review, or once the latest review approves', () => {
    expect(reviewFollowUp([second], { packageId: 'pkg-2', sequence: 2 }, answers)).toBeNull();
    expect(reviewFollowUp([returned, { ...second, review: { state: 'approved', comments: [] } }], { packageId: 'pkg-2', sequence: 2 }, answers)).toBeNull();
  });
});
