// Import: verify a batch off the UI thread, then judge and store each file in its own
// transaction as its result arrives. The judging is the core's (shared/receipts); the verifying
// the worker's; this file orders the steps and reports each file's outcome.
import { headOfSubmission } from '../../../shared/consolidation';
import type { TrustRegistry, VerifyResult } from '../../../shared/packages';
import { judgeArrival, receivedFileOf, type ArrivalOutcome, type Known } from '../../../shared/receipts';
import type { PlanBookDb } from '../../db/database';
import type { ReceivedPackageRecord } from '../../db/records';
import type { PlanScope } from '../../workers/protocol';
import type { Batch, BatchEnd, BatchEvents } from '../../workers/verifyClient';
import { receivedRepo } from './receivedRepo';
import { backupBefore } from '../backup/service';
import { beginImportJournal } from '../backup/importJournal';
import { isRotation, reverifyRotation, storeRotation } from '../keys/keysIntake';

export type VerifyBatch = (files: readonly { name: string; bytes: Uint8Array }[], trust: TrustRegistry, plan: PlanScope | null, events: BatchEvents) => Batch;

/** One line of the import table. */
export type ImportLine = {
  index: number;
  fileName: string;
  bytesHash: string;
  outcome: ArrivalOutcome;
  kind: string | null;
  unitId: string | null;
  period: string | null;
  sequence: number | null;
  keyId: string | null;
  detail: string;
  /** A consolidated package's children, each re-verified on its own (its own signature and key). */
  children?: ChildLine[];
};

/** One package inside a consolidated one, as verified. */
export type ChildLine = { unitId: string | null; period: string | null; sequence: number | null; reason: string };

export type ImportEvents = {
  onProgress(done: number, total: number, current: string | null): void;
  onLine(line: ImportLine): void;
  /** A line shown before, verified again (after a rotation in this batch trusted a new key). */
  onRecheck?(line: ImportLine): void;
};

const lineOf = (index: number, name: string, result: VerifyResult, outcome: ArrivalOutcome): ImportLine => ({
  index, fileName: name, bytesHash: result.bytesHash, outcome, kind: result.kind, unitId: result.header?.unitId ?? null,
  period: result.header?.period ?? null, sequence: result.header?.sequence ?? null, keyId: result.keyId, detail: result.detail,
  ...(result.children ? {
    children: result.children.map((c) => ({ unitId: c.header?.unitId ?? null, period: c.header?.period ?? null, sequence: c.header?.sequence ?? null, reason: c.reason })),
  } : {}),
});

/** What judging arrivals needs of a row: its heads (the batch keeps one per file, never the file or its reports). */
const knownOf = (r: Pick<ReceivedPackageRecord, 'bytesHash' | 'reason' | 'submissions'> & { setAside?: boolean }): Known =>
  ({ bytesHash: r.bytesHash, reason: r.reason as Known['reason'], submissions: r.submissions.map(headOfSubmission), setAside: r.setAside });

/**
 * Starts a batch. What was received before is read once, then kept up to date in memory as files
 * land (one import at a time), so a batch of thousands does not re-read the table per file.
 */
export async function startImport(
  db: PlanBookDb, files: readonly { name: string; bytes: Uint8Array }[], scope: PlanScope | null, verify: VerifyBatch, events: ImportEvents,
): Promise<Batch> {
  await backupBefore(db, 'before-import'); // never throws; unconfigured (tests) it does nothing
  const [trust, rows] = await Promise.all([receivedRepo.trust(db), scope ? receivedRepo.forPlan(db, scope.id) : Promise.resolve([])]);
  const known: Known[] = rows.map(knownOf);
  const total = files.length;
  let done = 0;
  let rotated = false;
  events.onProgress(0, total, null);
  // Names the files not finished if the app is killed mid-way (docs/data-safety.md).
  const journal = beginImportJournal(files.map((f) => f.name));
  const batch = verify(files, trust, scope, {
    onStarted: (_index, name) => events.onProgress(done, total, name),
    onFile: async (index, file, result) => {
      const received = receivedFileOf(file, result, new Date().toISOString());
      const arrival = judgeArrival(known, received);
      let outcome = arrival.outcome;
      if (arrival.store) {
        received.outcome = outcome;
        // A rotation signed by a trusted key is applied with its row, in one transaction.
        const rotation = isRotation(received);
        const stored = rotation ? (await storeRotation(db, received)).stored : await receivedRepo.store(db, received);
        if (stored.stored && rotation) rotated = true;
        if (stored.stored) known.push(knownOf(received));
        else outcome = 'duplicate'; // kept already (by a batch running elsewhere)
      }
      done += 1;
      journal.done(index);
      events.onLine(lineOf(index, file.name, result, outcome));
      events.onProgress(done, total, null);
    },
  });
  // Files of this batch signed by a key that a rotation in it trusted: verified again at the end.
  const recheck = { ...events, onLine: events.onRecheck ?? (() => undefined) };
  const ended = batch.done.finally(() => journal.end()).then(async (end) => (rotated && end.ok ? recheckHeld(db, scope, verify, recheck).then(() => end) : end));
  return { done: ended, cancel: () => batch.cancel() };
}

/**
 * Verifies the held files again (those refused for an unknown key) once the officer trusted a
 * key: each file gets its own verdict anew, in its own transaction.
 */
export async function recheckHeld(db: PlanBookDb, scope: PlanScope | null, verify: VerifyBatch, events: ImportEvents, rounds = 2): Promise<BatchEnd> {
  const held = await receivedRepo.byReason(db, 'unknown-key');
  if (held.length === 0) return { ok: true, cancelled: false };
  const [trust, rows] = await Promise.all([receivedRepo.trust(db), scope ? receivedRepo.forPlan(db, scope.id) : Promise.resolve([])]);
  const ids = new Map(held.map((r) => [r.bytesHash, r.id ?? -1]));
  const known = rows.filter((r) => !ids.has(r.bytesHash)).map(knownOf);
  let rotated = false;
  const batch = verify(held.map((r) => ({ name: r.fileName, bytes: r.bytes })), trust, scope, {
    onStarted: (_i, name) => events.onProgress(0, held.length, name),
    onFile: async (index, file, result) => {
      const received = receivedFileOf(file, result, new Date().toISOString());
      const arrival = judgeArrival(known, received);
      received.outcome = arrival.outcome;
      const id = ids.get(received.bytesHash);
      if (id !== undefined && id >= 0 && isRotation(received)) rotated = (await reverifyRotation(db, id, received))?.ok === true || rotated;
      else if (id !== undefined && id >= 0) await receivedRepo.reverify(db, id, received);
      known.push(knownOf(received));
      events.onLine(lineOf(index, file.name, result, received.outcome));
    },
  });
  const end = await batch.done;
  // A held rotation whose old key is now trusted trusts a new key: its files get one more pass.
  return rotated && end.ok && rounds > 1 ? recheckHeld(db, scope, verify, events, rounds - 1) : end;
}

/** `events` with the lines and progress held back and handed on together, in order, at most every `ms`. */
export type BatchedEvents = ImportEvents & { onRecheck(line: ImportLine): void; flush(): void };

// Called as plain functions: a browser's setTimeout called as a method of another object throws "Illegal invocation".
const BROWSER_TIMERS = { set: ((f: () => void, ms?: number) => setTimeout(f, ms)) as typeof setTimeout, clear: ((t?: ReturnType<typeof setTimeout>) => clearTimeout(t)) as typeof clearTimeout };

/**
 * Thousands of files arrive a few milliseconds apart: showing each as it lands would redraw the
 * screen per file. Lines (and lines verified again) are kept in arrival order and the progress
 * keeps only its latest value; all of it goes to `events` in one go per `ms`, and at `flush()`
 * (call it before showing the end of a batch, so the table and the counts agree).
 */
export function batchedEvents(events: ImportEvents, ms = 250, timers: { set: typeof setTimeout; clear: typeof clearTimeout } = BROWSER_TIMERS): BatchedEvents {
  let queue: { recheck: boolean; line: ImportLine }[] = [];
  let progress: [number, number, string | null] | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer !== null) { timers.clear(timer); timer = null; }
    const [lines, p] = [queue, progress];
    queue = [];
    progress = null;
    for (const q of lines) (q.recheck ? events.onRecheck ?? (() => undefined) : events.onLine)(q.line);
    if (p) events.onProgress(...p);
  };
  const later = () => { if (timer === null) timer = timers.set(flush, ms); };
  return {
    onLine: (line) => { queue.push({ recheck: false, line }); later(); },
    onRecheck: (line) => { queue.push({ recheck: true, line }); later(); },
    onProgress: (done, total, current) => { progress = [done, total, current]; later(); },
    flush,
  };
}
