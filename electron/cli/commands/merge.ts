// planbook merge DIR|FILE... --plan PLAN.json --period P [--trust TRUST.json]
//   [--out CONSOLIDATED.json --key KEYFILE] [--sequence N] [--json]
// (DESIGN.md, Command line: contract). Reads each file once, verifies it against the keys of the
// plan package's units (plus --trust), hands the verified packages to the consolidation core and
// prints outcomes, the submission board and the merged items. The rules are in
// docs/consolidation.md; this file only carries bytes.
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  consolidate, expectedUnits, packagesToCarry, readCalendar, submissionsOf, type BoardRow, type Consolidation, type ConsolidationInput, type ItemMerge,
  type Resolution,
} from '../../../shared/consolidation';
import type { ItemFigures, UnitItemFigures } from '../../../shared/consolidation/items';
import type { PeriodKey, UnitId } from '../../../shared/model/ids';
import type { PlanUnit } from '../../../shared/model/units';
import { dataWindow } from '../../../shared/periods/calendar';
import { parsePeriodKey } from '../../../shared/periods/keys';
import {
  buildConsolidatedPackage, parseStrictJson, reasonMessage, sanitizeForDisplay, secretKeySigner, signPackage,
  verifyPackage, type Package, type Reason, type TrustRegistry, type TrustedKey, type VerifyResult,
} from '../../../shared/packages';
import { decryptKey } from '../keyfile';
import { jsonLineBytes, passphrase, readInput } from '../io';
import { nodeEd25519 } from '../nodeEd25519';
import { loadTrust } from '../rows';
import { startVerifier, type Checked } from './mergeVerify';
import { EXIT, UsageError, requireOption, stringOption, type Command, type CommandContext, type CommandResult } from '../types';

export type ChildOutcome = { ref: string; unitId: string; sequence: number; reason: Reason; supersededBy?: number };
export type MergeOutcome = {
  file: string; reason: Reason; unitId: string | null; sequence: number | null; supersededBy?: number;
  kind: string | null; period: string | null; keyId: string | null; detail?: string; children?: ChildOutcome[];
};
/** One unit's line under an item: its status and figures; texts stay in the packages and the summary. */
export type MergeUnitRow = UnitItemFigures;
export type MergeItem = ItemFigures;
export type MergeJson = {
  plan: string; period: string; unitId: string; due: string;
  outcomes: MergeOutcome[]; board: BoardRow[]; items: MergeItem[];
  counts: Consolidation['counts']; out?: { file: string; sequence: number; children: number; keyId: string };
};

const BIG_MEMBERS: ReadonlySet<string> = new Set(['outcomes', 'board', 'items']);

const reject = (error: string, text: string): CommandResult => ({ exitCode: EXIT.rejected, json: { error }, text });

/** Every input file: a FILE as given, a DIR's `*.json` files (one level); each path once, in a fixed order. */
function collectFiles(ctx: CommandContext, inputs: readonly string[], skip: ReadonlySet<string>): string[] {
  const byPath = new Map<string, string>();
  const add = (shown: string) => {
    const abs = resolve(ctx.cwd, shown);
    if (skip.has(abs)) return;
    const current = byPath.get(abs);
    // The same file named twice is read once; the shorter name is shown, whatever the order.
    if (current === undefined || shown.length < current.length || (shown.length === current.length && shown < current)) byPath.set(abs, shown);
  };
  for (const input of inputs) {
    let isDir: boolean;
    try {
      isDir = statSync(resolve(ctx.cwd, input)).isDirectory();
    } catch (e) {
      throw new UsageError(`cannot read ${input}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
    }
    if (!isDir) { add(input); continue; }
    for (const entry of readdirSync(resolve(ctx.cwd, input), { withFileTypes: true })) {
      if (!entry.name.toLowerCase().endsWith('.json')) continue;
      const shown = join(input, entry.name);
      // A link to a file counts as the file (folders gathered from USB sticks often hold links).
      if (entry.isFile() || (entry.isSymbolicLink() && isFile(resolve(ctx.cwd, shown)))) add(shown);
    }
  }
  return [...byPath.values()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const isFile = (path: string): boolean => {
  try { return statSync(path).isFile(); } catch { return false; }
};

function sequenceOption(ctx: CommandContext): number {
  const raw = stringOption(ctx, 'sequence');
  if (raw === undefined) return 1;
  if (!/^\d{1,15}$/u.test(raw) || Number(raw) < 1) throw new UsageError('--sequence takes a positive whole number');
  return Number(raw);
}

/** The plan package: verified on its own (it is the consolidating unit's own copy). */
async function loadPlan(ctx: CommandContext, file: string): Promise<{ ok: true; pkg: Package<'plan'> } | { ok: false; result: CommandResult }> {
  const verified = await verifyPackage(readInput(ctx, file), { native: nodeEd25519 });
  if (verified.reason !== 'ok' || verified.package?.kind !== 'plan')
    return { ok: false, result: reject(`plan-${verified.reason === 'ok' ? 'not-a-plan' : verified.reason}`,
      `${file}: not a usable plan package (${verified.reason === 'ok' ? `a ${verified.kind} package` : verified.reason})`) };
  return { ok: true, pkg: verified.package as Package<'plan'> };
}

/**
 * The keys listed in the plan's units, plus --trust. Built directly rather than key by key with
 * trustFromPlanUnits, which checks each key's curve point and scans the registry per key
 * (seconds for 3,321 units): verification checks the signing key of every package anyway, and a
 * registry entry only matters through its keyId, the hash of the key that really signed. As
 * there, a keyId claimed by two units counts for the first only.
 */
function planTrust(units: readonly PlanUnit[], extra: TrustRegistry | undefined): TrustRegistry {
  const keys: TrustedKey[] = [];
  const owner = new Map<string, string>();
  const add = (k: TrustedKey) => {
    if (owner.has(k.keyId)) return;
    owner.set(k.keyId, k.unitId);
    keys.push(k);
  };
  for (const u of units)
    for (const k of u.publicKeys) add({ unitId: u.id, keyId: k.keyId, publicKey: k.publicKey, validFrom: k.validFrom, revokedAt: k.revokedAt, source: 'plan', addedAt: null });
  for (const k of extra?.keys ?? []) add(k);
  return { keys };
}

const compactItem = ({ units, ...item }: ItemMerge): MergeItem => ({
  ...item,
  units: units.map((u) => {
    const row: MergeUnitRow = { unitId: u.unitId, status: u.status, percent: u.percent, overdue: u.overdue };
    if (u.indicator) row.indicator = u.indicator;
    if (u.disbursedMillionVnd !== undefined) row.disbursedMillionVnd = u.disbursedMillionVnd;
    return row;
  }),
});

function outcomeOf(file: string, v: VerifyResult, period: PeriodKey, byRef: ReadonlyMap<string, Resolution>): MergeOutcome {
  const h = v.header;
  const row: MergeOutcome = {
    file, reason: v.reason, unitId: h?.unitId ?? null, sequence: h?.sequence ?? null,
    kind: v.kind, period: h?.period ?? null, keyId: v.keyId,
  };
  if (v.reason !== 'ok') return { ...row, detail: v.detail };
  // A package for another period, or of a kind merge does not read (plan, keys, receipt): not for this merge.
  if ((v.kind !== 'report' && v.kind !== 'consolidated') || h?.period !== period)
    return { ...row, reason: 'unknown-period', detail: `a ${v.kind ?? '?'} package for ${h?.period ?? 'no period'}, not ${period}` };
  const own = byRef.get(file);
  if (own) {
    row.reason = own.reason;
    if (own.supersededBy !== undefined) row.supersededBy = own.supersededBy;
    if (own.duplicateOf !== undefined) row.detail = `same package as ${own.duplicateOf}`;
  }
  if (v.kind === 'consolidated') {
    const prefix = `${file}#`;
    row.children = [...byRef.values()].filter((r) => r.ref.startsWith(prefix)).map((r) => ({
      ref: r.ref.slice(file.length), unitId: r.unitId, sequence: r.sequence, reason: r.reason,
      ...(r.supersededBy !== undefined ? { supersededBy: r.supersededBy } : {}),
    }));
  }
  return row;
}

function textOf(json: MergeJson): string {
  const lines = [`Plan ${json.plan}, period ${json.period} (due ${json.due}), consolidating ${json.unitId}`, '', 'Files:'];
  for (const o of json.outcomes)
    lines.push(`  ${sanitizeForDisplay(o.file)}: ${o.reason}${o.supersededBy !== undefined ? ` (superseded by sequence ${o.supersededBy})` : ''} — ${reasonMessage(o.reason, 'en')}`);
  lines.push('', `Board: ${json.counts['on-time']} on time, ${json.counts.late} late, ${json.counts.missing} missing, ${json.counts.conflict} in conflict`);
  for (const r of json.board) lines.push(`  ${sanitizeForDisplay(r.unitId)}: ${r.state}${r.conflict ? ' (conflict)' : ''}${r.sequence !== null ? `, sequence ${r.sequence}` : ''}`);
  lines.push('', `Items: ${json.items.length}`);
  if (json.out) lines.push('', `Wrote ${json.out.file}: sequence ${json.out.sequence}, ${json.out.children} children`);
  return lines.join('\n');
}

export const mergeCommand: Command = {
  name: 'merge',
  summary: 'verify and merge the packages of a period: outcomes, submission board, roll-ups; optionally sign a consolidated package',
  usage: 'planbook merge DIR|FILE... --plan PLAN.json --period P [--trust TRUST.json] [--out CONSOLIDATED.json --key KEYFILE] [--sequence N] [--json]',
  options: { plan: { type: 'string' }, period: { type: 'string' }, trust: { type: 'string' }, out: { type: 'string' }, key: { type: 'string' }, sequence: { type: 'string' } },
  async run(ctx) {
    if (ctx.positionals.length === 0) throw new UsageError('merge needs at least one DIR or FILE');
    const planFile = requireOption(ctx, 'plan');
    const periodText = requireOption(ctx, 'period');
    const period = parsePeriodKey(periodText);
    if (!period) throw new UsageError(`--period ${periodText} is not a period (2024-05, 2024-Q2, 2024-H1, 2024)`);
    const out = stringOption(ctx, 'out');
    const keyFile = stringOption(ctx, 'key');
    if ((out === undefined) !== (keyFile === undefined)) throw new UsageError('--out and --key go together');
    const sequence = sequenceOption(ctx);
    const trustFile = stringOption(ctx, 'trust');
    const extraTrust = loadTrust(ctx, trustFile);
    const skip = new Set([planFile, out, trustFile, keyFile].filter((f): f is string => f !== undefined).map((f) => resolve(ctx.cwd, f)));
    const files = collectFiles(ctx, ctx.positionals, skip);
    const keyBytes = keyFile === undefined ? null : readInput(ctx, keyFile);

    // Each file is read once, by whichever thread verifies it; the threads start loading now.
    // Without --out nothing prints the reports' texts: they are dropped as each file is parsed.
    const verifier = startVerifier(files.map((shown) => ({ shown, path: resolve(ctx.cwd, shown) })), out === undefined);
    let plan: Awaited<ReturnType<typeof loadPlan>>;
    let verified: Checked[];
    const key = periodText as PeriodKey;
    try {
      plan = await loadPlan(ctx, planFile);
      if (!plan.ok) {
        verifier.stop();
        return plan.result;
      }
      verified = await verifier.run({ trust: planTrust(plan.pkg.payload.units, extraTrust), plan: { id: plan.pkg.payload.plan.id, periods: [key] } });
    } catch (e) {
      verifier.stop();
      throw e;
    }
    const { plan: meta, items, units } = plan.pkg.payload;

    let unlocked: ReturnType<typeof decryptKey> | null = null;
    if (keyBytes) {
      const doc = parseStrictJson(keyBytes);
      if (!doc.ok) return reject('not-a-key-file', `${keyFile}: not a key file`);
      unlocked = decryptKey(doc.value, await passphrase(ctx, `Passphrase for ${keyFile}: `));
      if (!unlocked.ok) return reject(unlocked.error, `${keyFile}: ${unlocked.error}`);
    }
    const consolidating = (unlocked?.ok ? unlocked.key.unitId : plan.pkg.header.unitId) as UnitId;
    const calendar = readCalendar(meta.calendar);
    const submissions = verified.flatMap(({ file, result }) => (result.reason === 'ok' && result.header?.period === key ? submissionsOf(file, result) : []));
    const input: ConsolidationInput = {
      planId: meta.id, calendar, items, period, submissions,
      expected: expectedUnits(units, consolidating, dataWindow(calendar, period)),
      units: units.map((u) => ({ id: u.id, name: u.name, parentId: u.parentId })),
      consolidatingUnitId: consolidating,
    };
    // The texts (grouped feedback, each unit's row texts) are for the package written with --out:
    // a merge that only prints gets the figure rows it prints, built once.
    const full = out !== undefined ? consolidate(input) : null;
    const figures = full ? null : consolidate({ ...input, rows: 'figures' });
    const c = full ?? figures;
    if (!c) throw new Error('unreachable: one of the two consolidations is made');
    const byRef = new Map(c.resolutions.map((r) => [r.ref, r]));
    const outcomes = verified.map(({ file, result }) => outcomeOf(file, result, key, byRef));
    const json: MergeJson = {
      plan: meta.id, period: key, unitId: consolidating, due: c.summary.due,
      outcomes, board: c.board, items: full ? full.items.map(compactItem) : (figures?.items ?? []), counts: c.counts,
    };

    if (out !== undefined && unlocked?.ok) {
      const packages = new Map(verified.map(({ file, result }) => [file, result.package]));
      const children = packagesToCarry(c.lines.flatMap((l) => (l.accepted ? [l.accepted] : [])), (ref) => packageAt(ref, packages));
      if (children.length === 0) return reject('nothing-to-consolidate', `no package of ${key} was accepted: nothing to write to ${out}`);
      const unsigned = buildConsolidatedPackage(
        { unitId: consolidating, planId: meta.id, planRevision: meta.revision, period: key, sequence, createdAt: new Date().toISOString() },
        children, c.summary,
      );
      const signed = await signPackage(unsigned, secretKeySigner(unlocked.key.secretKey));
      if (!signed.ok) return reject(signed.error, `cannot sign the consolidated package: ${signed.error}`);
      writeFileSync(resolve(ctx.cwd, out), signed.bytes);
      json.out = { file: out, sequence, children: children.length, keyId: unlocked.key.keyId };
    }
    const okOrDuplicate = outcomes.every((o) => o.reason === 'ok' || o.reason === 'duplicate');
    // The text is for people: a --json run prints the JSON only (run.ts), so it is not built then.
    return {
      exitCode: okOrDuplicate ? EXIT.ok : EXIT.rejected, json, text: ctx.json ? '' : textOf(json),
      // The items (a row per unit under each) are most of the output: serialised item by item.
      jsonBytes: () => jsonLineBytes(json, BIG_MEMBERS),
    };
  },
};

/** The package at `file#children/2#children/0`, walking into consolidated packages. */
function packageAt(ref: string, files: ReadonlyMap<string, Package | null>): Package | null {
  const [file = '', ...path] = ref.split('#children/');
  let pkg = files.get(file) ?? null;
  for (const step of path) {
    if (!pkg || pkg.kind !== 'consolidated') return null;
    pkg = (pkg.payload.children[Number(step)] as Package | undefined) ?? null;
  }
  return pkg;
}
