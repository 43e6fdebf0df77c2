// `npm run bench`: every figure of the performance targets (issues 5 and 8) measured in one run,
// each printed with its target and, where it has one, the ratio to its floor: the least work any
// implementation must do for the same job on the same machine. This machine is noisy, so ratios
// are what runs are compared by. Exits 0 even when a target is missed (it prints MISSED): the
// figures are information for people, the tests are the gate.
//
// Adding a figure: append a `Bench` to BENCHES below. A bench returns rows of the measurement table;
// give `floorSeconds` when there is a floor and `maxRatio` when the ratio has a target.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync, openSync, closeSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createPublicKey, verify as nodeVerify } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { bigTranscribedPlan } from '../tests/helpers/bigPlan';
import { browseRows } from '../shared/plans/browse';
import { readTranscribedPlan } from '../shared/plans/transcribed';
import { signingBytes } from '../shared/packages/sign';
import { BENCH_PERIOD, generateBenchData, type Generated } from './generate';
import { appImportBench } from './appImport';
import { progressOpenBench } from './progressOpen';
import { xlsxExportBench } from './xlsxExport';
import { appStartBench } from './appStart';

/** One row of the measurement table. */
export type Measurement = {
  name: string;
  /** Seconds for timings, megabytes for memory. */
  value: number;
  unit: 's' | 'ms' | 'MB';
  /** The figure must stay under this (same unit). */
  target: number;
  floorSeconds?: number;
  /** Target for value / floor (both in seconds). */
  maxRatio?: number;
  note?: string;
  /** Set when the run itself went wrong (e.g. a package not accepted): always MISSED. */
  failed?: string;
};

export type BenchContext = { root: string; repeat: number };
export type Bench = { name: string; run(ctx: BenchContext): Promise<Measurement[]> };

const ROOT = process.cwd();
/** BENCH_CLI=/other/checkout/bin/planbook.mjs times another build on the same data (before/after). */
const CLI = resolve(ROOT, process.env.BENCH_CLI ?? 'bin/planbook.mjs');

/** The fastest of `repeat` runs: noise on a shared machine only ever adds time. */
async function best<T>(repeat: number, f: () => Promise<T> | T): Promise<{ seconds: number; value: T }> {
  let out: { seconds: number; value: T } | null = null;
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    const value = await f();
    const seconds = (performance.now() - t0) / 1000;
    if (!out || seconds < out.seconds) out = { seconds, value };
  }
  if (!out) throw new Error('repeat must be at least 1');
  return out;
}

/**
 * The floor of a merge: read each file, JSON.parse it, canonicalise (JCS) the signed part and
 * verify its signature once with node:crypto, single-threaded, nothing else (no strict parsing,
 * no schema, no trust, no consolidation).
 */
function floorOf(dir: string): number {
  let ok = 0;
  for (const name of readdirSync(dir)) {
    const text = readFileSync(join(dir, name), 'utf8');
    const doc = JSON.parse(text) as { signature: { publicKey: string; value: string } };
    const signed = signingBytes(doc);
    if (!signed) throw new Error(`${name}: no canonical form`);
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: doc.signature.publicKey }, format: 'jwk' });
    if (nodeVerify(null, signed, key, Buffer.from(doc.signature.value, 'base64url'))) ok++;
  }
  return ok;
}

type MergeRun = { seconds: number; cpuSeconds: number | null; peakMb: number | null; ok: number; files: number; exit: number | null };

const TIME = '/usr/bin/time';

/** `planbook merge` as a user runs it, in a child process; its peak memory from /usr/bin/time -v when present. */
function runMerge(data: Generated, root: string): MergeRun {
  const outFile = join(root, 'merge-out.json');
  const fd = openSync(outFile, 'w');
  const args = [CLI, 'merge', data.dir, '--plan', data.plan, '--period', BENCH_PERIOD, '--json'];
  const withTime = existsSync(TIME);
  const t0 = performance.now();
  const r = withTime
    ? spawnSync(TIME, ['-v', process.execPath, ...args], { stdio: ['ignore', fd, 'pipe'], maxBuffer: 1 << 26 })
    : spawnSync(process.execPath, args, { stdio: ['ignore', fd, 'pipe'], maxBuffer: 1 << 26 });
  const seconds = (performance.now() - t0) / 1000;
  closeSync(fd);
  const stderr = r.stderr?.toString() ?? '';
  const rss = /Maximum resident set size \(kbytes\): (\d+)/u.exec(stderr);
  const user = /User time \(seconds\): ([\d.]+)/u.exec(stderr);
  const system = /System time \(seconds\): ([\d.]+)/u.exec(stderr);
  const cpuSeconds = user && system ? Number(user[1]) + Number(system[1]) : null;
  let ok = 0;
  let files = 0;
  try {
    const json = JSON.parse(readFileSync(outFile, 'utf8')) as { outcomes: { reason: string }[] };
    files = json.outcomes.length;
    ok = json.outcomes.filter((o) => o.reason === 'ok').length;
  } catch {
    process.stderr.write(`bench: merge printed no JSON (exit ${String(r.status)}): ${stderr.slice(0, 2000)}\n`);
  }
  return { seconds, cpuSeconds, peakMb: rss ? Number(rss[1]) / 1024 : null, ok, files, exit: r.status };
}

/**
 * `maxRatio`: the ratio target applies to the 3,321-package run (issue 5); at 111 packages the
 * merge's own start (Node, the bundle, the plan package: about 0.3 s; it verifies in one thread
 * below 512 files) is most of the time, so that ratio is printed for information only.
 */
function mergeBench(n: number, target: number, repeat: number, maxRatio?: number): Bench {
  return {
    name: `merge ${n}`,
    async run(ctx) {
      const root = mkdtempSync(join(ctx.root, `merge-${n}-`));
      const t0 = performance.now();
      const data = await generateBenchData(root, n);
      const generated = (performance.now() - t0) / 1000;
      const floor = await best(repeat, () => floorOf(data.dir));
      if (floor.value !== n) throw new Error(`floor verified ${floor.value} of ${n} packages`);
      let run: MergeRun | null = null;
      for (let i = 0; i < repeat; i++) {
        const r = runMerge(data, root);
        if (!run || r.seconds < run.seconds) run = r;
      }
      rmSync(root, { recursive: true, force: true });
      if (!run) return [];
      // CPU time (all threads) beside wall time: on a busy machine the wall time of a two-thread
      // merge suffers more than the single-threaded floor, its CPU time much less.
      const cpu = run.cpuSeconds === null ? '' : `; CPU ${run.cpuSeconds.toFixed(2)} s (${(run.cpuSeconds / floor.seconds).toFixed(2)}× the floor)`;
      // The load average says how busy the machine was (2 cores here): above 2 the two-thread merge
      // waits for a core more than the one-thread floor does, and the ratio rises with it.
      const note = `${n} files of ${Math.round(data.bytes / n / 1024)} KB (generated in ${generated.toFixed(1)} s); ${run.ok}/${run.files} ok, exit ${String(run.exit)}${cpu}; load average ${loadavg()[0]?.toFixed(1) ?? '?'}`;
      const rows: Measurement[] = [{ name: `merge ${n}`, value: run.seconds, unit: 's', target, floorSeconds: floor.seconds, maxRatio, note }];
      if (run.ok !== n || run.files !== n) (rows[0] as Measurement).failed = `only ${run.ok} of ${n} packages were ok`;
      if (run.peakMb !== null) rows.push({ name: `merge ${n} peak memory`, value: run.peakMb, unit: 'MB', target: 1024 });
      return rows;
    },
  };
}

/** The plan browser over a 2,000-item plan: read the transcribed plan, then one search (a keystroke). */
const browseBench: Bench = {
  name: 'browse 2000',
  async run(ctx) {
    const raw = bigTranscribedPlan(2000);
    const read = await best(ctx.repeat * 3, () => readTranscribedPlan(raw));
    if (!read.value.ok) throw new Error(`bigTranscribedPlan does not read: ${read.value.errors.join('; ')}`);
    const doc = read.value.doc;
    const search = await best(ctx.repeat * 5, () => browseRows(doc, new Map(), { assignment: 'all', kind: 'all', query: 'công nghệ số 17' }));
    const all = await best(ctx.repeat * 5, () => browseRows(doc, new Map(), { assignment: 'all', kind: 'all', query: '' }));
    return [
      { name: 'read 2,000-item transcribed plan', value: read.seconds * 1000, unit: 'ms', target: 500 },
      { name: 'browse 2,000 items, no search', value: all.seconds * 1000, unit: 'ms', target: 50, note: `${all.value.length} rows` },
      { name: 'browse 2,000 items, search', value: search.seconds * 1000, unit: 'ms', target: 100, note: `${search.value.length} rows (one keystroke; diacritics folded)` },
    ];
  },
};

const REPEAT = Math.max(1, Number(process.env.BENCH_REPEAT ?? '1') || 1);
const ONLY = process.env.BENCH_ONLY; // e.g. BENCH_ONLY=merge to run only the merge figures

/** The measurement table: add a Bench here for each new figure (xlsx export, app start, ...). */
const BENCHES: Bench[] = [
  mergeBench(111, 1, Math.max(3, REPEAT)),
  mergeBench(3321, 10, REPEAT, 2),
  browseBench,
  // The app's import in Chromium (needs dist/renderer: `npx vite build`).
  appImportBench(3321),
  // Opening a period of a 2,000-item plan with a year of history, and typing latency, in Chromium.
  progressOpenBench,
  // xlsx export of a consolidated report for 3,321 units (< 10 s), the summary built with the core in Node.
  xlsxExportBench(3321),
  // App start to interactive with a 2,000-item plan and a year of data (< 2 s), in Chromium.
  appStartBench,
];

const fmt = (m: Measurement, v: number) => (m.unit === 's' ? `${v.toFixed(2)} s` : m.unit === 'ms' ? `${v.toFixed(1)} ms` : `${Math.round(v)} MB`);

function line(m: Measurement): { text: string; missed: boolean } {
  const overTarget = !(m.value < m.target);
  let text = `${m.name}: ${fmt(m, m.value)} (target < ${fmt(m, m.target)})`;
  let missed = overTarget || m.failed !== undefined;
  if (m.floorSeconds !== undefined) {
    const ratio = m.value / m.floorSeconds;
    const ratioMissed = m.maxRatio !== undefined && ratio > m.maxRatio;
    missed ||= ratioMissed;
    text += `, floor ${m.floorSeconds.toFixed(2)} s, ratio ${ratio.toFixed(2)}${m.maxRatio !== undefined ? ` (target ≤ ${m.maxRatio})` : ''}`;
  }
  text += missed ? '  MISSED' : '  ok';
  if (m.failed) text += `\n    ${m.failed}`;
  if (m.note) text += `\n    ${m.note}`;
  return { text, missed };
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'planbook-bench-'));
  const ctx: BenchContext = { root, repeat: REPEAT };
  let missed = 0;
  process.stdout.write(`planbook bench: node ${process.version}, ${new Date().toISOString()}, ${CLI}\n`);
  try {
    for (const b of BENCHES) {
      if (ONLY && !b.name.startsWith(ONLY)) continue;
      let rows: Measurement[];
      try {
        rows = await b.run(ctx);
      } catch (e) {
        process.stdout.write(`${b.name}: FAILED ${e instanceof Error ? e.message : String(e)}  MISSED\n`);
        missed++;
        continue;
      }
      for (const m of rows) {
        const l = line(m);
        if (l.missed) missed++;
        process.stdout.write(`${l.text}\n`);
      }
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  process.stdout.write(missed === 0 ? 'all targets met\n' : `${missed} figure(s) MISSED their target\n`);
}

await main();
