// planbook import-plan FILE(.xlsx|.xls|.json) [--out PLAN.json] [--key KEYFILE] [--json]
// (DESIGN.md, Command line: contract) -> {plan, sections, items, counts, totals, warnings}.
// The core decides (shared/xlsx for workbooks, shared/plans/transcribed for the transcribed JSON
// of resources/plans/); this file reads bytes, passes node:zlib as the bounded inflater that
// catches zip entries lying about their size, and writes the plan package.
import { writeFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import directoryJson from '../../../resources/units/directory.json';
import type { UnitId } from '../../../shared/model/ids';
import type { PlanDocument } from '../../../shared/model/plan';
import type { PlanUnit } from '../../../shared/model/units';
import { buildPlanPackage, parseStrictJson, secretKeySigner, serializePackage, signPackage } from '../../../shared/packages';
import { readTranscribedPlan } from '../../../shared/plans/transcribed';
import { parseDirectory } from '../../../shared/units/directory';
import { importPlanWorkbook, type BoundedInflate, type ImportWarning, type MoneyTotal } from '../../../shared/xlsx';
import { toBase64url } from '../../../shared/crypto/encoding';
import { decryptKey } from '../keyfile';
import { passphrase, readInput } from '../io';
import { APP } from '../version';
import { EXIT, UsageError, stringOption, type Command, type CommandResult } from '../types';

const reject = (error: string, message: string, extra: Record<string, unknown> = {}): CommandResult =>
  ({ exitCode: EXIT.rejected, json: { error, message, ...extra }, text: `import-plan: ${message}` });

const nodeInflate: BoundedInflate = (raw, max) => {
  try {
    return inflateRawSync(raw, { maxOutputLength: Math.max(1, max) }).length;
  } catch {
    return null; // over the limit, or not deflate data at all: either way not what it claims
  }
};

/** The JSON warning: transcribed-plan warnings are plain strings with no cell to point at. */
type WarningJson = ImportWarning | { code: 'transcribed'; message: string };

type Imported = { doc: PlanDocument; warnings: WarningJson[]; totals: MoneyTotal[] };

function fromJson(bytes: Uint8Array): Imported | CommandResult {
  const parsed = parseStrictJson(bytes);
  if (!parsed.ok) return reject('malformed', 'not a JSON plan (strict JSON expected)');
  const dir = parseDirectory(directoryJson as unknown);
  const r = readTranscribedPlan(parsed.value, dir.ok ? dir.directory : null);
  if (!r.ok) return reject('malformed', `not a transcribed plan: ${r.errors.slice(0, 5).join('; ')}`, { errors: r.errors });
  return { doc: r.doc, warnings: r.warnings.map((message) => ({ code: 'transcribed', message })), totals: [] };
}

function fromWorkbook(bytes: Uint8Array, file: string): Imported | CommandResult {
  const stem = basename(file, extname(file));
  const planId = stem.normalize('NFD').replace(/[\u0300-\u036f]/gu, '').replace(/[đĐ]/gu, 'd').replace(/[^\w.-]+/gu, '-').replace(/^-+|-+$/gu, '') || 'imported-plan';
  const r = importPlanWorkbook(bytes, { inflate: nodeInflate, planId });
  if (!r.ok) return reject(r.error.code, r.error.message, r.error.what ? { what: r.error.what } : {});
  return { doc: r.doc, warnings: r.warnings, totals: r.totals };
}

/** The plan's units for the package: the bundled directory; the signer's own unit carries its key. */
function planUnits(signer: { unitId: string; publicKey: Uint8Array; keyId: string } | null): PlanUnit[] {
  const dir = parseDirectory(directoryJson as unknown);
  if (!dir.ok) return [];
  return [...dir.directory.units.values()].map((u) => ({
    id: u.id, name: u.name, parentId: u.parentId, aliases: u.aliases,
    publicKeys: signer && signer.unitId === u.id
      ? [{ keyId: signer.keyId, publicKey: toBase64url(signer.publicKey), validFrom: null, revokedAt: null }] : [],
  }));
}

export const importPlanCommand: Command = {
  name: 'import-plan',
  summary: 'read a plan from an Excel appendix table (.xlsx, .xls) or a transcribed plan (.json); optionally write the plan package',
  usage: 'planbook import-plan FILE(.xlsx|.xls|.json) [--out PLAN.json] [--key KEYFILE] [--unit ID] [--json]',
  options: { out: { type: 'string' }, key: { type: 'string' }, unit: { type: 'string' } },
  async run(ctx) {
    if (ctx.positionals.length !== 1) throw new UsageError('import-plan takes exactly one FILE');
    const file = ctx.positionals[0] ?? '';
    const ext = extname(file).toLowerCase();
    if (!['.xlsx', '.xls', '.xlsm', '.json'].includes(ext)) throw new UsageError(`${file}: expected .xlsx, .xls or .json`);
    const out = stringOption(ctx, 'out');
    const keyFile = stringOption(ctx, 'key');
    if (keyFile !== undefined && out === undefined) throw new UsageError('--key needs --out');
    const bytes = readInput(ctx, file);
    const keyBytes = keyFile === undefined ? null : readInput(ctx, keyFile);

    // The extension says what the user meant; the bytes decide (a .xlsx holding JSON is still read right).
    const looksJson = ext === '.json' || bytes[0] === 0x7b;
    const got = looksJson ? fromJson(bytes) : fromWorkbook(bytes, file);
    if ('exitCode' in got) return got;
    const { doc, warnings, totals } = got;
    const count = (k: string) => doc.items.filter((i) => i.kind === k).length;
    const json: Record<string, unknown> = {
      plan: doc.plan, sections: doc.sections, items: doc.items,
      counts: { sections: doc.sections.length, tasks: count('task'), indicators: count('indicator'), projects: count('project') },
      totals, warnings,
    };

    if (out !== undefined) {
      let signer: { unitId: string; secretKey: Uint8Array; publicKey: Uint8Array; keyId: string } | null = null;
      if (keyBytes) {
        const keyDoc = parseStrictJson(keyBytes);
        if (!keyDoc.ok) return reject('not-a-key-file', `${keyFile ?? ''}: not a key file`);
        const unlocked = decryptKey(keyDoc.value, await passphrase(ctx, `Passphrase for ${keyFile ?? ''}: `));
        if (!unlocked.ok) return reject(unlocked.error, `${keyFile ?? ''}: ${unlocked.error}`);
        signer = unlocked.key;
      }
      const unitId = signer?.unitId ?? stringOption(ctx, 'unit') ?? doc.plan.issuerUnitId ?? 'issuer';
      const unsigned = buildPlanPackage(
        { unitId, sequence: 1, createdAt: new Date().toISOString().replace(/\.\d{3}Z$/u, 'Z'), app: APP },
        { plan: { ...doc.plan, issuerUnitId: (doc.plan.issuerUnitId ?? unitId) as UnitId }, sections: doc.sections, items: doc.items, units: planUnits(signer) },
      );
      let bytesOut: Uint8Array;
      if (signer) {
        const signed = await signPackage(unsigned, secretKeySigner(signer.secretKey));
        if (!signed.ok) return reject(signed.error, `cannot sign the plan package: ${signed.error}`);
        bytesOut = signed.bytes;
      } else bytesOut = serializePackage(unsigned); // unsigned: `planbook sign` can sign it later
      writeFileSync(resolve(ctx.cwd, out), bytesOut);
      json.out = { file: out, signed: signer !== null, unitId };
    }
    const c = json.counts as Record<string, number>;
    const text = [
      `${doc.plan.title} (${doc.plan.id})`,
      `${c.sections} sections, ${c.tasks} tasks, ${c.indicators} indicators, ${c.projects} projects`,
      ...totals.map((t) => `total ${t.sheet} #${t.table} ${t.column}: found ${t.found ?? '-'}, computed ${t.computed}`),
      ...warnings.map((w) => ('ref' in w ? `${w.sheet}!${w.ref}: ${w.code}: ${w.message}` : `${w.code}: ${w.message}`)),
      ...(out !== undefined ? [`wrote ${out}${keyBytes ? ' (signed)' : ' (unsigned)'}`] : []),
    ].join('\n');
    return { exitCode: EXIT.ok, json, text };
  },
};
