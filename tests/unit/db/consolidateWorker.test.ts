// The consolidation worker, its message handler run here on fake-indexeddb: it reads the period's
// rows itself, answers their heads, and what crosses back of a consolidation, joined with the
// screen's own submissions, is the result the core gives on the screen's rows; a write between
// the two reads is reported, not hidden.
import { afterAll, describe, expect, it } from 'vitest';
import { PlanBookDb } from '../../../renderer/db/database';
import { receivedRepo } from '../../../renderer/features/consolidation/receivedRepo';
import { startImport } from '../../../renderer/features/consolidation/importer';
import { verifyDirect } from '../../../renderer/workers/verifyDirect';
import { consolidatePeriod, fingerprintOf, headOf, historyOf, periodInput, type HistoryFacts, type PeriodFacts } from '../../../renderer/workers/consolidatePeriod';
import { feedbackOf, fullLines, itemOf, joinPieces, piecesOf, slimLines, type FromConsolidateWorker, type SlimHead, type ToConsolidateWorker } from '../../../renderer/workers/consolidateProtocol';
import type { ItemFeedback, ItemMerge } from '../../../shared/consolidation';
import type { PeriodKey, UnitId } from '../../../shared/model/ids';
import { PLAN_ID, PLAN_PERIODS, aReport, signed, testKey } from '../../helpers/packages';
import { item, wardsCalendar } from '../core/consolidation/fixtures';

const posted: FromConsolidateWorker[] = [];
const scope = globalThis as unknown as { self?: { postMessage: (m: FromConsolidateWorker) => void; onmessage?: (e: { data: unknown }) => Promise<void> } };
scope.self = { postMessage: (m) => { posted.push(structuredClone(m)); } };
afterAll(() => { delete scope.self; });

const UNITS = ['p1', 'p2', 'p3', 'p4', 'p5'];

async function filledDb(): Promise<PlanBookDb> {
  const db = new PlanBookDb(`cons-worker-${Date.now()}`);
  await db.open();
  for (const unit of UNITS) await receivedRepo.trustKey(db, { unitId: unit, publicKey: testKey(unit).publicKeyB64, source: 'manual', validFrom: null, how: 'test' });
  const mk = async (unit: string, sequence: number, narrative = `Báo cáo ${unit} số ${sequence}`) =>
    ({ name: `${unit}-${sequence}-${narrative.length}.json`, bytes: (await signed(aReport({ unit, sequence, narrative, payload: { entries: [{
      itemId: 'vt-2024.t1' as never, status: 'in-progress', percent: 50, result: `Kết quả ${unit}`, difficulties: 'Thiếu kinh phí', proposals: '', evidence: [], completedOn: null,
    }] } }), unit)).bytes });
  const files = [await mk('p1', 1), await mk('p1', 2), await mk('p2', 1), await mk('p3', 1, 'một'), await mk('p3', 1, 'hai nội dung'), await mk('p4', 1)];
  const run = await startImport(db, files, { id: PLAN_ID, periods: PLAN_PERIODS }, verifyDirect, { onProgress: () => undefined, onLine: () => undefined });
  expect(await run.done).toEqual({ ok: true, cancelled: false });
  return db;
}

const facts: PeriodFacts = {
  planId: PLAN_ID as never, calendar: wardsCalendar, period: { kind: 'month', year: 2024, month: 5 }, periodKey: '2024-05' as PeriodKey,
  items: [item('vt-2024.t1', 'task', { due: 'Tháng 4/2024' }), item('vt-2024.i1', 'indicator', { target: 'Trên 95%' }), item('vt-2024.p1', 'project')],
  expected: UNITS as UnitId[], units: UNITS.map((u) => ({ id: u as UnitId, name: `Phường ${u}`, parentId: 'vt' as UnitId })), consolidatingUnitId: 'vt' as UnitId,
};

async function send(data: ToConsolidateWorker): Promise<FromConsolidateWorker[]> {
  posted.length = 0;
  await import('../../../renderer/workers/consolidate.worker');
  await scope.self?.onmessage?.({ data });
  return [...posted];
}

const ask = (dbName: string, fingerprint: string) => send({ type: 'consolidate', id: 7, dbName, facts, fingerprint });

function joined(messages: FromConsolidateWorker[], submissions: Parameters<typeof joinPieces>[3]) {
  const items: ItemMerge[] = [];
  const feedback: ItemFeedback[] = [];
  let head: SlimHead | null = null;
  for (const m of messages) {
    expect(m.id).toBe(7);
    if (m.type === 'items') items.push(...m.items.map(itemOf));
    else if (m.type === 'feedback') feedback.push(...m.feedback.map(feedbackOf));
    else if (m.type === 'done') head = m.head;
    else throw new Error(`unexpected ${m.type}`);
  }
  return head ? joinPieces(head, items, feedback, submissions) : null;
}

describe('consolidation worker', () => {
  it('reads the rows itself and answers the core\'s result on the screen\'s rows, in pieces without the reports', async () => {
    const db = await filledDb();
    const rows = await receivedRepo.forPeriod(db, PLAN_ID, '2024-05');
    const input = periodInput(rows, PLAN_ID, '2024-05');
    expect(input.submissions.length).toBe(6); // p3's two contents for sequence 1 both kept (a conflict)
    const messages = await ask(db.name, fingerprintOf(input));
    expect(messages.at(-1)?.type).toBe('done');
    expect(messages.filter((m) => m.type === 'items').length).toBe(1);
    // No report payload crosses: the lines name their submissions by ref.
    expect(JSON.stringify(input.submissions)).toContain('Báo cáo p1 số 2');
    expect(JSON.stringify(messages)).not.toContain('Báo cáo p1 số');
    const expected = consolidatePeriod(facts, input);
    const result = joined(messages, input.submissions);
    expect(result).toEqual(expected);
    expect(result?.lines.find((l) => l.unitId === 'p1')?.accepted).toBe(input.submissions.find((s) => s.unitId === 'p1' && s.sequence === 2));
    expect(result?.board.map((b) => [b.unitId, b.state])).toEqual(expected.board.map((b) => [b.unitId, b.state]));
  });

  it('says stale when the rows changed since the screen read them (a review), and the screen\'s own rows decide', async () => {
    const db = await filledDb();
    const rows = await receivedRepo.forPeriod(db, PLAN_ID, '2024-05');
    const before = fingerprintOf(periodInput(rows, PLAN_ID, '2024-05'));
    const p2 = rows.find((r) => r.unitId === 'p2');
    await receivedRepo.setReview(db, p2?.id ?? -1, { state: 'approved', comments: [], at: '2024-06-01T00:00:00Z' } as never);
    expect((await ask(db.name, before)).map((m) => m.type)).toEqual(['stale']);
  });

  it('answers the period\'s rows as heads: no bytes, no reports, the same fingerprint as the rows read whole', async () => {
    const db = await filledDb();
    const rows = await receivedRepo.forPeriod(db, PLAN_ID, '2024-05');
    const messages = await send({ type: 'heads', id: 8, dbName: db.name, planId: PLAN_ID, period: '2024-05' });
    expect(messages.map((m) => [m.id, m.type])).toEqual([[8, 'heads']]);
    const heads = messages[0]?.type === 'heads' ? messages[0].heads : [];
    expect(heads).toEqual(rows.map(headOf));
    expect(heads.length).toBe(6);
    expect(heads.some((h) => 'bytes' in h || h.submissions.some((s) => 'report' in s))).toBe(false);
    expect(JSON.stringify(heads)).not.toContain('Báo cáo p1 số');
    expect(fingerprintOf(periodInput(heads, PLAN_ID, '2024-05'))).toBe(fingerprintOf(periodInput(rows, PLAN_ID, '2024-05')));
  });

  it('consolidates the rows it cut the heads of without reading them again; other rows are read and judged', async () => {
    const db = await filledDb();
    await send({ type: 'heads', id: 8, dbName: db.name, planId: PLAN_ID, period: '2024-05' });
    const rows = await receivedRepo.forPeriod(db, PLAN_ID, '2024-05');
    const input = periodInput(rows, PLAN_ID, '2024-05');
    // A review written after the heads were read: the screen's fingerprint (of those heads) is
    // answered from the rows the worker holds, which are what the screen shows.
    const p2 = rows.find((r) => r.unitId === 'p2');
    await receivedRepo.setReview(db, p2?.id ?? -1, { state: 'approved', comments: [], at: '2024-06-01T00:00:00Z' } as never);
    const held = await ask(db.name, fingerprintOf(input));
    expect(joined(held, input.submissions)).toEqual(consolidatePeriod(facts, input));
    // The screen's next fingerprint (the review read): the worker reads the rows again.
    const after = periodInput(await receivedRepo.forPeriod(db, PLAN_ID, '2024-05'), PLAN_ID, '2024-05');
    expect(fingerprintOf(after)).not.toBe(fingerprintOf(input));
    expect(joined(await ask(db.name, fingerprintOf(after)), after.submissions)).toEqual(consolidatePeriod(facts, after));
  });

  it('answers the plan\'s history from all its rows, as the screen computes it from the rows read whole', async () => {
    const db = await filledDb();
    const history: HistoryFacts = {
      planId: facts.planId, calendar: facts.calendar, items: facts.items, consolidatingUnitId: facts.consolidatingUnitId,
      periods: [{ kind: 'month', year: 2024, month: 4 }, { kind: 'month', year: 2024, month: 5 }],
      expected: { '2024-04': facts.expected, '2024-05': facts.expected },
    };
    const messages = await send({ type: 'history', id: 9, dbName: db.name, facts: history });
    expect(messages.map((m) => [m.id, m.type])).toEqual([[9, 'history']]);
    const periods = messages[0]?.type === 'history' ? messages[0].periods : [];
    expect(periods).toEqual(historyOf(await receivedRepo.forPlan(db, PLAN_ID), history));
    // April: nobody reported; May: p1, p2 and p4 counted (p3 in conflict), p5 missing.
    expect(periods.map((p) => [p.key, p.counts.missing])).toEqual([['2024-04', 5], ['2024-05', expect.any(Number)]]);
    expect(periods[1]?.counts.missing).toBeLessThan(5);
  });

  it('answers crashed for a database it cannot read, and does not create it', async () => {
    const name = `absent-${Date.now()}`;
    expect((await ask(name, '')).map((m) => m.type)).toEqual(['crashed']);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
  });

  it('pieces join back to the same result; a line naming a submission the screen lacks gives null', async () => {
    const db = await filledDb();
    const input = periodInput(await receivedRepo.forPeriod(db, PLAN_ID, '2024-05'), PLAN_ID, '2024-05');
    const result = consolidatePeriod(facts, input);
    const pieces = piecesOf(result);
    expect(joinPieces(pieces.head, pieces.items.flat().map(itemOf), pieces.feedback.flat().map(feedbackOf), input.submissions)).toEqual(result);
    expect(fullLines(slimLines(result.lines), input.submissions.slice(1))).toBeNull();
  });
});
