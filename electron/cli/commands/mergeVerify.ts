// Verification for `planbook merge`, on every core: each file is read once, by a worker thread that
// verifies it (the costly part: strict parsing, canonical form, hashes, Ed25519) and hands the
// bytes back without copying (a transferred buffer) with a verdict stripped of parsed objects.
// The main thread then parses only the accepted files with the native JSON.parse, which is
// cheaper than cloning parsed packages between threads. Same verifyPackage, same verdicts, as
// the sequential path used under test (where the source is TypeScript, not the bundle).
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
type ToWorker = { index: number; path: string };
type FromWorker = { index: number; verdict: Verdict; bytes: Uint8Array } | { index: number; error: string };

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

// The worker thread: the bundle loads itself with this role (see `pool`).
if (!isMainThread && parentPort && (workerData as { role?: unknown } | null)?.role === ROLE) {
  const port = parentPort;
  const settings = (workerData as { settings: VerifySettings }).settings;
  port.on('message', (m: ToWorker) => {
    check(m.path, settings).then(
      ({ verdict, bytes }) => port.postMessage({ index: m.index, verdict, bytes } satisfies FromWorker, [bytes.buffer as ArrayBuffer]),
      (e: unknown) => port.postMessage({ index: m.index, error: (e as NodeJS.ErrnoException).code ?? String(e) } satisfies FromWorker),
    );
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

const decoder = new TextDecoder('utf-8', { fatal: false });
const parse = (verdict: Verdict, bytes: Uint8Array): VerifyResult =>
  // Only accepted files are parsed again: their bytes passed the strict parser, so JSON.parse reads the same tree.
  withPackages(verdict, verdict.reason === 'ok' ? JSON.parse(decoder.decode(bytes)) as unknown : null);

/** Worker threads only from the bundle (a worker loads the bundle file) and when there is enough work. */
function workerCount(files: number): number {
  if (!import.meta.url.endsWith('.mjs') || files < 32) return 0;
  return Math.max(0, Math.min(availableParallelism(), 8, Math.ceil(files / 16)));
}

export async function verifyFiles(files: readonly FileToCheck[], settings: VerifySettings): Promise<Checked[]> {
  const n = workerCount(files.length);
  if (n < 2) {
    const out: Checked[] = [];
    for (const f of files) {
      let checked: VerifyResult;
      try {
        const { verdict, bytes } = await check(f.path, settings);
        checked = parse(verdict, bytes);
      } catch (e) {
        throw new UsageError(`cannot read ${f.shown}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
      }
      out.push({ file: f.shown, result: checked });
    }
    return out;
  }
  return pool(files, settings, n);
}

function pool(files: readonly FileToCheck[], settings: VerifySettings, n: number): Promise<Checked[]> {
  const results: (Checked | undefined)[] = new Array(files.length);
  // The worker loads the whole bundle; its entry (main.ts) runs the CLI only on the main thread,
  // and the role above does the work. stdout/stderr stay the worker's own, never piped to ours.
  const workers = Array.from({ length: n }, () => new Worker(new URL(import.meta.url), { workerData: { role: ROLE, settings }, argv: [], stdout: true, stderr: true }));
  let next = 0;
  let done = 0;
  return new Promise<Checked[]>((resolveAll, rejectAll) => {
    const finish = (error: Error | null) => {
      for (const w of workers) void w.terminate();
      if (error) rejectAll(error);
      else resolveAll(results as Checked[]);
    };
    const feed = (w: Worker) => {
      if (next < files.length) {
        const index = next++;
        w.postMessage({ index, path: (files[index] as FileToCheck).path } satisfies ToWorker);
      }
    };
    for (const w of workers) {
      w.on('message', (m: FromWorker) => {
        const f = files[m.index] as FileToCheck;
        if ('error' in m) return finish(new UsageError(`cannot read ${f.shown}: ${m.error}`));
        results[m.index] = { file: f.shown, result: parse(m.verdict, m.bytes) };
        done += 1;
        if (done === files.length) finish(null);
        else feed(w);
      });
      w.on('error', (e) => finish(e));
      // Two files in flight per worker: the next one is ready while this one's answer travels.
      feed(w);
      feed(w);
    }
  });
}
