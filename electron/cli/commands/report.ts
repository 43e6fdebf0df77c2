// planbook report CONSOLIDATED.json|REPORT.json --format xlsx|html|pdf --out F [--plan PLAN.json]
//   [--number N] [--date YYYY-MM-DD] [--place P] [--signer NAME] [--signer-title T] [--recipient R]...
//   [--no-appendix] [--json]
// (DESIGN.md, Command line: contract). Verifies the package, builds the report in the core
// (shared/report) and writes it: the standalone HTML (fonts inlined), a PDF printed by headless
// Chromium, or the workbook. The layout decisions are in docs/report-format.md.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { submissionsOf, type SummaryUnit, type UnitReport } from '../../../shared/consolidation';
import type { IsoDate, UnitId } from '../../../shared/model/ids';
import type { PlanDocument } from '../../../shared/model/plan';
import { isJsonObject, parseStrictJson, reasonMessage, verifyPackage, type Package, type VerifyResult } from '../../../shared/packages';
import { parsePeriodKey } from '../../../shared/periods/keys';
import { parsePlanDocument } from '../../../shared/plans/planSchema';
import { readTranscribedPlan } from '../../../shared/plans/transcribed';
import {
  FONT_FILES, buildReportDocument, consolidatedReportSource, readConsolidatedSummary, renderReportHtml, sheetNames, unitReportSource, writeWorkbook,
  type FontFile, type ReportDocument, type ReportHeader,
} from '../../../shared/report';
import { parseDirectory } from '../../../shared/units/directory';
import { readInput } from '../io';
import { nodeEd25519 } from '../nodeEd25519';
import { htmlToPdf } from '../pdf';
import { EXIT, UsageError, requireOption, stringOption, type Command, type CommandContext, type CommandResult } from '../types';

const FORMATS = ['xlsx', 'html', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

export type ReportJson = {
  file: string; kind: 'unit' | 'consolidated'; format: Format; out: string; bytes: number;
  unitId: string; planId: string; period: string; planFrom: 'package' | 'transcribed' | null;
  sheets?: { name: string; rows: number }[];
};

const reject = (error: string, text: string): CommandResult => ({ exitCode: EXIT.rejected, json: { error, message: text }, text });

/**
 * resources/<sub> of the installation: PLANBOOK_RESOURCES, else the nearest `resources/` above
 * this module (dist/cli/ when bundled, electron/cli/commands/ under tests), else the working directory.
 */
export function resourceDir(ctx: CommandContext, sub: string): string | null {
  const candidates: string[] = [];
  if (ctx.env.PLANBOOK_RESOURCES) candidates.push(join(ctx.env.PLANBOOK_RESOURCES, sub));
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++, dir = dirname(dir)) candidates.push(join(dir, 'resources', sub));
  candidates.push(join(ctx.cwd, 'resources', sub));
  return candidates.find((c) => existsSync(c)) ?? null;
}

/** The bundled fonts as data: urls, so the HTML file and the PDF carry them wherever they go. */
function inlineFonts(ctx: CommandContext): ((file: FontFile) => string) | null {
  const dir = resourceDir(ctx, 'fonts');
  if (!dir || !FONT_FILES.every((f) => existsSync(join(dir, f)))) return null;
  const urls = new Map(FONT_FILES.map((f) => [f, `data:font/ttf;base64,${readFileSync(join(dir, f)).toString('base64')}`]));
  return (f) => urls.get(f) ?? '';
}

type LoadedPlan = { doc: PlanDocument; units: SummaryUnit[]; from: 'package' | 'transcribed' };

/** PLAN.json: a signed plan package (verified), or a transcribed plan of resources/plans. */
async function loadPlan(ctx: CommandContext, file: string): Promise<{ ok: true; plan: LoadedPlan } | { ok: false; result: CommandResult }> {
  const bytes = readInput(ctx, file);
  const json = parseStrictJson(bytes);
  if (!json.ok) return { ok: false, result: reject('plan-not-json', `${file}: not JSON (${json.error})`) };
  if (isJsonObject(json.value) && json.value.format === 'planbook/package') {
    const v = await verifyPackage(bytes, { native: nodeEd25519 });
    if (v.reason !== 'ok') return { ok: false, result: reject(`plan-${v.reason}`, `${file}: ${v.reason} — ${reasonMessage(v.reason, 'en')}`) };
    if (v.package?.kind !== 'plan') return { ok: false, result: reject('plan-not-a-plan', `${file}: a ${v.kind ?? '?'} package, not a plan`) };
    const pkg = v.package as Package<'plan'>;
    const doc = parsePlanDocument(pkg.payload);
    if (!doc.ok) return { ok: false, result: reject('plan-invalid', `${file}: ${doc.errors.slice(0, 3).join('; ')}`) };
    return { ok: true, plan: { doc: doc.doc, units: pkg.payload.units.map((u) => ({ id: u.id, name: u.name, parentId: u.parentId })), from: 'package' } };
  }
  const t = readTranscribedPlan(json.value);
  if (!t.ok) return { ok: false, result: reject('plan-invalid', `${file}: ${t.errors.slice(0, 3).join('; ')}`) };
  return { ok: true, plan: { doc: t.doc, units: [], from: 'transcribed' } };
}

/** Names from the bundled unit directory, for a transcribed plan that carries no units. */
function directoryUnits(ctx: CommandContext): SummaryUnit[] {
  const dir = resourceDir(ctx, 'units');
  if (!dir) return [];
  try {
    const parsed = parseDirectory(JSON.parse(readFileSync(join(dir, 'directory.json'), 'utf8')));
    return parsed.ok ? parsed.directory.data.units.map((u) => ({ id: u.id, name: u.name, parentId: u.parentId })) : [];
  } catch {
    return [];
  }
}

function headerOptions(ctx: CommandContext): Partial<ReportHeader> {
  const h: Partial<ReportHeader> = {};
  const number = stringOption(ctx, 'number');
  if (number !== undefined) h.number = number;
  const date = stringOption(ctx, 'date');
  if (date !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/u.test(date) || Number.isNaN(Date.parse(date))) throw new UsageError(`--date ${date} is not a date (YYYY-MM-DD)`);
    h.date = date as IsoDate;
  }
  const place = stringOption(ctx, 'place');
  if (place !== undefined) h.place = place;
  const recipients = ctx.options.recipient;
  if (Array.isArray(recipients) && recipients.length > 0) h.recipients = recipients.map((r) => (r.startsWith('-') ? r : `- ${r}`));
  return h;
}

function withSigner(ctx: CommandContext, doc: ReportDocument): ReportDocument {
  const name = stringOption(ctx, 'signer');
  const title = stringOption(ctx, 'signer-title');
  if (name === undefined && title === undefined) return doc;
  const signer = { ...doc.header.signer, ...(name !== undefined ? { name } : {}), ...(title !== undefined ? { title: title.split('|').map((t) => t.trim()) } : {}) };
  return { ...doc, header: { ...doc.header, signer } };
}

/** The reports a consolidated package counted (its summary says which), taken from its verified children. */
function countedReports(file: string, verified: VerifyResult, counted: readonly { unitId: UnitId; packageId: string }[]): UnitReport[] {
  const subs = (verified.children ?? []).flatMap((c, i) => submissionsOf(`${file}#children/${i}`, c, false));
  const out: UnitReport[] = [];
  for (const c of counted) {
    const s = subs.find((x) => x.unitId === c.unitId && x.packageId === c.packageId && x.report !== null);
    if (s?.report) out.push({ unitId: s.unitId, report: s.report });
  }
  return out;
}

async function buildDocument(ctx: CommandContext, file: string, verified: VerifyResult, plan: LoadedPlan | null, appendix: boolean):
  Promise<{ ok: true; doc: ReportDocument } | { ok: false; result: CommandResult }> {
  const pkg = verified.package;
  const header = headerOptions(ctx);
  if (pkg?.kind === 'report') {
    if (!plan) throw new UsageError('a unit report needs --plan PLAN.json (the plan package or a transcribed plan)');
    const period = parsePeriodKey(pkg.header.period ?? '');
    if (!period) return { ok: false, result: reject('malformed', `${file}: no period`) };
    const units = plan.units.length > 0 ? plan.units : directoryUnits(ctx);
    const unit = units.find((u) => u.id === pkg.header.unitId) ?? { id: pkg.header.unitId, name: pkg.header.unitId, parentId: null };
    const parent = unit.parentId ? units.find((u) => u.id === unit.parentId) ?? null : null;
    const source = unitReportSource({ plan: plan.doc, unit, parent, period, report: pkg.payload });
    return { ok: true, doc: buildReportDocument(source, { header }) };
  }
  if (pkg?.kind === 'consolidated') {
    const summary = readConsolidatedSummary(pkg.payload.summary);
    if (!summary.ok) return { ok: false, result: reject('summary-unreadable', `${file}: the summary cannot be printed (${summary.error})`) };
    const reports = countedReports(file, verified, summary.summary.counted);
    const source = consolidatedReportSource({ plan: plan?.doc ?? null, summary: summary.summary, reports, unitId: pkg.header.unitId, units: plan?.units ?? directoryUnits(ctx) });
    if (!source.ok) return { ok: false, result: reject('summary-unreadable', `${file}: ${source.error}`) };
    return { ok: true, doc: buildReportDocument(source.source, { header, appendix }) };
  }
  return { ok: false, result: reject('not-a-report', `${file}: a ${verified.kind ?? '?'} package; report prints report and consolidated packages`) };
}

export const reportCommand: Command = {
  name: 'report',
  summary: 'print a unit report or a consolidated package as the official report (pdf, html) or its Excel tables (xlsx)',
  usage: 'planbook report CONSOLIDATED.json|REPORT.json --format xlsx|html|pdf --out F [--plan PLAN.json] [--number N] [--date YYYY-MM-DD] [--place P] [--signer NAME] [--signer-title T] [--recipient R]... [--no-appendix] [--json]',
  options: {
    format: { type: 'string' }, out: { type: 'string' }, plan: { type: 'string' }, number: { type: 'string' }, date: { type: 'string' },
    place: { type: 'string' }, signer: { type: 'string' }, 'signer-title': { type: 'string' }, recipient: { type: 'string', multiple: true },
    'no-appendix': { type: 'boolean' },
  },
  async run(ctx) {
    if (ctx.positionals.length !== 1) throw new UsageError('report takes exactly one CONSOLIDATED.json or REPORT.json');
    const file = ctx.positionals[0] ?? '';
    const format = requireOption(ctx, 'format');
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format ${format}: one of xlsx, html, pdf`);
    const out = requireOption(ctx, 'out');
    const planFile = stringOption(ctx, 'plan');
    const bytes = readInput(ctx, file);
    headerOptions(ctx); // usage errors before any verdict

    const verified = await verifyPackage(bytes, { native: nodeEd25519 });
    if (verified.reason !== 'ok' || !verified.package || !verified.header)
      return reject(verified.reason, `${file}: ${verified.reason} — ${reasonMessage(verified.reason, 'en')}`);
    let plan: LoadedPlan | null = null;
    if (planFile !== undefined) {
      const loaded = await loadPlan(ctx, planFile);
      if (!loaded.ok) return loaded.result;
      plan = loaded.plan;
      if (plan.doc.plan.id !== verified.header.planId)
        return reject('wrong-plan', `${planFile} is plan ${plan.doc.plan.id}; ${file} reports on ${verified.header.planId ?? 'no plan'}`);
    }
    const built = await buildDocument(ctx, file, verified, plan, ctx.options['no-appendix'] !== true);
    if (!built.ok) return built.result;
    const doc = withSigner(ctx, built.doc);

    let output: Uint8Array;
    const json: ReportJson = {
      file, kind: doc.kind, format: format as Format, out, bytes: 0, unitId: verified.header.unitId,
      planId: verified.header.planId ?? '', period: verified.header.period ?? '', planFrom: plan?.from ?? null,
    };
    if (format === 'xlsx') {
      output = writeWorkbook(doc.sheets);
      const names = sheetNames(doc.sheets.map((s) => s.title));
      json.sheets = doc.sheets.map((s, i) => ({ name: names[i] ?? s.title, rows: s.rows.length }));
    } else {
      const fonts = inlineFonts(ctx);
      const html = renderReportHtml(doc, fonts ? { fontUrl: fonts } : {});
      if (format === 'html') output = new TextEncoder().encode(html);
      else {
        const pdf = await htmlToPdf(html, ctx.env);
        if (!pdf.ok) return reject(pdf.reason, `cannot write ${out}: ${pdf.message}`);
        output = pdf.bytes;
      }
    }
    writeFileSync(resolve(ctx.cwd, out), output);
    json.bytes = output.byteLength;
    const text = `Wrote ${out}: ${doc.kind === 'unit' ? 'unit report' : 'consolidated report'} of ${json.unitId}, ${json.planId} ${json.period} (${format}, ${output.byteLength} bytes)`;
    return { exitCode: EXIT.ok, json, text };
  },
};
