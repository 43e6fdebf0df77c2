// The wizard's worker client: a worker that never answers is terminated by the watchdog; an answer,
// a crash and a cancel each settle once and always terminate the worker.
import { describe, expect, it } from 'vitest';
import { runPlanImport, type WorkerLike } from '../../../renderer/features/planImport/parseClient';
import type { ToPlanImportWorker } from '../../../renderer/workers/planImportProtocol';

function fakeWorker(answer: (m: ToPlanImportWorker, w: WorkerLike) => void) {
  const w: WorkerLike & { terminated: number } = {
    onmessage: null, onerror: null, terminated: 0,
    postMessage: (m) => { setTimeout(() => answer(m, w), 0); },
    terminate: () => { w.terminated++; },
  };
  return w;
}
const reply = (w: WorkerLike, data: unknown) => w.onmessage?.({ data } as MessageEvent);
const req = { type: 'read' as const, bytes: new ArrayBuffer(4), options: {} };

describe('plan import worker client', () => {
  it('terminates a worker that takes longer than the watchdog', async () => {
    const w = fakeWorker(() => undefined);
    const started = Date.now();
    const o = await runPlanImport(req, { timeoutMs: 50, createWorker: () => w }).done;
    expect(o).toEqual({ ok: false, reason: 'timeout', message: '50 ms' });
    expect(w.terminated).toBe(1);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('returns the result, ignores other ids, and terminates', async () => {
    const w = fakeWorker((m, wk) => {
      reply(wk, { id: m.id + 1000, type: 'crashed', message: 'not mine' });
      reply(wk, { id: m.id, type: 'done', result: { ok: false, error: { code: 'empty', message: 'Tệp rỗng' } }, grid: null });
    });
    const o = await runPlanImport(req, { createWorker: () => w }).done;
    expect(o).toEqual({ ok: true, result: { ok: false, error: { code: 'empty', message: 'Tệp rỗng' } }, grid: null });
    expect(w.terminated).toBe(1);
  });

  it('a crash and a cancel settle once', async () => {
    const crashing = fakeWorker((m, wk) => reply(wk, { id: m.id, type: 'crashed', message: 'boom' }));
    expect(await runPlanImport(req, { createWorker: () => crashing }).done).toEqual({ ok: false, reason: 'crashed', message: 'boom' });
    const slow = fakeWorker(() => undefined);
    const job = runPlanImport(req, { timeoutMs: 10_000, createWorker: () => slow });
    job.cancel();
    job.cancel();
    expect(await job.done).toEqual({ ok: false, reason: 'cancelled', message: '' });
    expect(slow.terminated).toBe(1);
  });
});
