// Verification for `planbook merge`, on every core: each file is read once, by a worker thread that
// verifies it (the costly part: strict parsing, canonical form, hashes, Ed25519) and hands back a
// verdict stripped of parsed objects, with the accepted package: slimmed and cloned when the merge
// only prints statuses and figures (a slim package is a fraction of the file, so cloning it costs
// the main thread less than parsing the file again), else the bytes themselves without copying (a
// transferred buffer), which the main thread parses with the native JSON.parse. Same
// verifyPackage, same verdicts, as the sequential path used under test (where the source is
// TypeScript, not the bundle). The workers start before the plan is read (they load the bundle
// meanwhile) and get the settings once it is.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { verifyPackage, type Package, type TrustRegistry, type VerifyResult } from '../../../shared/packages';
import { nodeEd25519, nodeSha256 } from '../nodeEd25519';
import { UsageError } from '../types';

/** A verification result without parsed objects: what crosses between threads. */
export type Verdict = Omit<VerifyResult, 'package' | 'children'> & { children?: Verdict[] };
export type VerifySettings = { trust: TrustRegistry; plan: { id: string; periods: string[] } };
export type FileToCheck = { shown: string; path: string };
export type Checked = { file: string; result: VerifyResult };

const ROLE = 'planbook-merge-verify';
/**
 * Files per message: one message per file cost about as much as verifying it once the signature
 * check got cheap (each message wakes the other thread), so files travel in small batches.
 */
const BATCH = 8;
type ToWorker = { settings: VerifySettings; slim: boolean } | { batch: { index: number; path: string }[] };
/** `pkg`: the slimmed package (slim merges), `bytes`: the file (others); neither when not accepted. */
type Done = { index: number; verdict: Verdict; bytes?: Uint8Array; pkg?: unknown } | { index: number; error: string };
type FromWorker = { done: Done[] };

export function stripVerdict(r: VerifyResult): Verdict {
  const { package: _pkg, children, ...rest } = r;
  return children ? { ...rest, children: children.map(stripVerdict) } : rest;
}

function readBytes(path: string): Uint8Array {
  const buf = readFileSync(path);
  // A fresh, exactly sized buffer: it can be transferred to the other thread as is.
  const bytes = new Uint8Array(buf.length);
  bytes.set(buf);
  return bytes;
}

async function check(path: string, settings: VerifySettings): Promise<{ verdict: Verdict; bytes: Uint8Array; result: VerifyResult }> {
  const bytes = readBytes(path);
  const result = await verifyPackage(bytes, { native: nodeEd25519, sha256: nodeSha256, trust: settings.trust, plan: settings.plan });
  return { verdict: stripVerdict(result), bytes, result };
}

// The worker thread: the bundle loads itself with this role (see `pool`). The first message
// brings the settings; batches of files follow (messages arrive in order, and each batch is
// handled to its end before the next one starts: verification awaits only settled promises).
if (!isMainThread && parentPort && (workerData as { role?: unknown } | null)?.role === ROLE) {
  const port = parentPort;
  let settings: VerifySettings | null = null;
  let slim = false;
  port.on('message', (m: ToWorker) => {
    if ('settings' in m) { settings = m.settings; slim = m.slim; return; }
    const given = settings;
    if (!given) return;
    void (async () => {
      const done: Done[] = [];
      const transfer: ArrayBuffer[] = [];
      for (const { index, path } of m.batch) {
        try {
          const { verdict, bytes, result } = await check(path, given);
          if (verdict.reason !== 'ok') done.push({ index, verdict });
          else if (slim) done.push({ index, verdict, pkg: slimPackage(result.package) });
          else {
            done.push({ index, verdict, bytes });
            transfer.push(bytes.buffer as ArrayBuffer);
          }
        } catch (e) {
          done.push({ index, error: (e as NodeJS.ErrnoException).code ?? String(e) });
        }
      }
      port.postMessage({ done } satisfies FromWorker, transfer);
    })();
  });
}

/** The parsed package and its children, put back beside an `ok` verdict. */
export function withPackages(verdict: Verdict, pkg: unknown): VerifyResult {
  const { children, ...rest } = verdict;
  const result: VerifyResult = { ...rest, package: (pkg ?? null) as Package | null };
  if (children) {
    const kids = (pkg as { payload?: { children?: unknown[] } } | null)?.payload?.children ?? [];
    result.children = children.map((c, i) => withPackages(c, kids[i] ?? null));
  }
  return result;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A report's entries without their texts (result, difficulties, proposals, evidence) and without
 * its narrative, in place. What a merge that writes no package prints never holds those texts
 * (its item rows keep statuses and figures; indicator and project values stay whole), and
 * keeping 3,321 packages' texts alive only made every garbage collection of the merge slower.
 */
function slimReport(report: unknown): void {
  if (!isRecord(report) || !Array.isArray(report.entries)) return;
  report.entries = report.entries.map((e: unknown) => (isRecord(e) ? { itemId: e.itemId, status: e.status, percent: e.percent, completedOn: e.completedOn } : e));
  report.narrative = '';
}

/** A parsed package with every report in it slimmed (consolidated packages: their children and own report). */
export function slimPackage(pkg: unknown): unknown {
  if (!isRecord(pkg) || !isRecord(pkg.payload)) return pkg;
  if (pkg.kind === 'report') slimReport(pkg.payload);
  else if (pkg.kind === 'consolidated') {
    if (Array.isArray(pkg.payload.children)) pkg.payload.children.forEach(slimPackage);
    if (isRecord(pkg.payload.summary)) slimReport(pkg.payload.summary.ownReport);
  }
  return pkg;
}

const decoder = new TextDecoder('utf-8', { fatal: false });
const parse = (verdict: Verdict, bytes: Uint8Array, slim: boolean): VerifyResult => {
  if (verdict.reason !== 'ok') return withPackages(verdict, null);
  // Only accepted files are parsed again: their bytes passed the strict parser, so JSON.parse reads the same tree.
  const pkg = JSON.parse(decoder.decode(bytes)) as unknown;
  return withPackages(verdict, slim ? slimPackage(pkg) : pkg);
};

/**
 * Files below which one thread is faster: each worker loads the whole bundle (about 0.2 s of CPU
 * each, measured), more than verifying a hundred files costs (about 1.3 ms each with a new key);
 * 111 files took 0.58 s in one thread against 0.94 s with two workers on this 2-core machine, and
 * at 600 files the two were even.
 */
export const MIN_FILES_FOR_WORKERS = 512;

/** Worker threads only from the bundle (a worker loads the bundle file) and when there is enough work. */
function workerCount(files: number): number {
  if (!import.meta.url.endsWith('.mjs') || files < MIN_FILES_FOR_WORKERS) return 0;
  return Math.max(0, Math.min(availableParallelism(), 8, Math.ceil(files / 16)));
}

/** Verification under way: `run` once with the settings (the plan's keys), or `stop`. */
export type Verifier = { run(settings: VerifySettings): Promise<Checked[]>; stop(): void };

/**
 * Starts the worker threads for `files` now, so that they load while the caller reads the plan;
 * in one thread (under test, or for a few files) nothing starts before `run`.
 * `slim`: the accepted packages come back with their reports' texts dropped (slimPackage), for a
 * merge that only prints statuses and figures; without it they come back whole (to be carried).
 */
export function startVerifier(files: readonly FileToCheck[], slim = false): Verifier {
  const n = workerCount(files.length);
  if (n < 2) return { run: (settings) => inOneThread(files, settings, slim), stop: () => undefined };
  // The worker loads the whole bundle; its entry (main.ts) runs the CLI only on the main thread,
  // and the role above does the work. stdout/stderr stay the worker's own, never piped to ours.
  const workers = Array.from({ length: n }, () => new Worker(new URL(import.meta.url), { workerData: { role: ROLE }, argv: [], stdout: true, stderr: true }));
  // An error before `run` (a worker that cannot start) is kept for it, not thrown at nobody.
  let early: Error | null = null;
  const onEarly = (e: Error) => { early ??= e; };
  for (const w of workers) w.on('error', onEarly);
  const stop = () => { for (const w of workers) void w.terminate(); };
  return {
    run: (settings) => {
      for (const w of workers) w.off('error', onEarly);
      if (early) { stop(); return Promise.reject(early); }
      return pool(files, settings, workers, slim, stop);
    },
    stop,
  };
}

/** startVerifier and run at once. */
export function verifyFiles(files: readonly FileToCheck[], settings: VerifySettings, slim = false): Promise<Checked[]> {
  return startVerifier(files, slim).run(settings);
}

async function inOneThread(files: readonly FileToCheck[], settings: VerifySettings, slim: boolean): Promise<Checked[]> {
  const out: Checked[] = [];
  for (const f of files) {
    let checked: VerifyResult;
    try {
      const { verdict, bytes } = await check(f.path, settings);
      checked = parse(verdict, bytes, slim);
    } catch (e) {
      throw new UsageError(`cannot read ${f.shown}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
    }
    out.push({ file: f.shown, result: checked });
  }
  return out;
}

function pool(files: readonly FileToCheck[], settings: VerifySettings, workers: Worker[], slim: boolean, stop: () => void): Promise<Checked[]> {
  const n = workers.length;
  const results: (Checked | undefined)[] = new Array(files.length);
  let next = 0;
  let done = 0;
  return new Promise<Checked[]>((resolveAll, rejectAll) => {
    const finish = (error: Error | null) => {
      stop();
      if (error) rejectAll(error);
      else resolveAll(results as Checked[]);
    };
    // Small batches near the end so that no worker is left with a long queue while another idles.
    const batchSize = (remaining: number) => Math.max(1, Math.min(BATCH, Math.floor(remaining / (2 * n))));
    const feed = (w: Worker) => {
      if (next >= files.length) return;
      const batch: { index: number; path: string }[] = [];
      for (let k = batchSize(files.length - next); k > 0 && next < files.length; k--, next++)
        batch.push({ index: next, path: (files[next] as FileToCheck).path });
      w.postMessage({ batch } satisfies ToWorker);
    };
    let failed = false;
    for (const w of workers) {
      w.on('message', (m: FromWorker) => {
        if (failed) return;
        for (const d of m.done) {
          const f = files[d.index] as FileToCheck;
          if ('error' in d) { failed = true; return finish(new UsageError(`cannot read ${f.shown}: ${d.error}`)); }
          const result = d.pkg !== undefined ? withPackages(d.verdict, d.pkg) : d.bytes ? parse(d.verdict, d.bytes, slim) : withPackages(d.verdict, null);
          results[d.index] = { file: f.shown, result };
          done += 1;
        }
        if (done === files.length) finish(null);
        else feed(w);
      });
      w.on('error', (e) => finish(e));
      w.postMessage({ settings, slim } satisfies ToWorker);
      // Two batches in flight per worker: the next one is ready while this one's answer travels.
      feed(w);
      feed(w);
    }
  });
}
