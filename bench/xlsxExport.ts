// `xlsx export 3321` (issue 8): the consolidated report of 3,321 wards as an .xlsx workbook, as the
// Print preview's "Excel" button writes it: the report source (plan, signed summary, the counted
// reports), the report document, then the workbook bytes. The summary is built beforehand with
// the core in Node (verify every package against the plan's keys, then consolidate, as
// `planbook merge` does); only the export is timed. Target < 10 s.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createHash } from 'node:crypto';
import { consolidate, expectedUnits, readCalendar, submissionsOf } from '../shared/consolidation';
import type { PeriodKey, UnitId } from '../shared/model/ids';
import type { PlanDocument } from '../shared/model/plan';
import { verifyPackage, type PlanPayload, type TrustedKey } from '../shared/packages';
import { dataWindow } from '../shared/periods/calendar';
import { parsePeriodKey } from '../shared/periods/keys';
import { buildReportDocument, consolidatedReportSource, writeWorkbook } from '../shared/report';
import type { Bench, Measurement } from './bench';
import { BENCH_PERIOD, generateBenchData } from './generate';

const sha256 = (b: Uint8Array) => new Uint8Array(createHash('sha256').update(b).digest());

export function xlsxExportBench(n: number): Bench {
  return {
    name: `xlsx export ${n}`,
    async run(ctx) {
      const data = await generateBenchData(join(ctx.root, `xlsx-${n}`), n);
      const planResult = await verifyPackage(readFileSync(data.plan), { sha256 });
      if (planResult.reason !== 'ok' || planResult.package?.kind !== 'plan') throw new Error(`bench plan does not verify: ${planResult.reason}`);
      const payload = planResult.package.payload as unknown as PlanPayload;
      const doc: PlanDocument = { plan: payload.plan, sections: payload.sections, items: payload.items };
      const keys: TrustedKey[] = payload.units.flatMap((u) => u.publicKeys.map((k) => ({ unitId: u.id, keyId: k.keyId, publicKey: k.publicKey, validFrom: k.validFrom, revokedAt: k.revokedAt, source: 'plan' as const, addedAt: null })));
      const period = parsePeriodKey(BENCH_PERIOD);
      if (!period) throw new Error('bench period');
      const key = BENCH_PERIOD as PeriodKey;
      const submissions = [];
      for (const f of readdirSync(data.dir).sort()) {
        const r = await verifyPackage(readFileSync(join(data.dir, f)), { sha256, trust: { keys }, plan: { id: payload.plan.id, periods: [key] } });
        submissions.push(...submissionsOf(`file:${f}`, r));
      }
      const consolidating = planResult.header?.unitId as UnitId;
      const calendar = readCalendar(payload.plan.calendar);
      const units = payload.units.map((u) => ({ id: u.id, name: u.name, parentId: u.parentId }));
      const c = consolidate({
        planId: payload.plan.id, calendar, items: payload.items, period, submissions,
        expected: expectedUnits(payload.units, consolidating, dataWindow(calendar, period)), units, consolidatingUnitId: consolidating,
      });
      // As the app does (reportDocuments.ts): the counted reports, from their submissions.
      const bySubmission = new Map(submissions.map((x) => [x.ref, x] as const));
      const reports = c.counted.flatMap((x) => { const r = bySubmission.get(x.ref)?.report; return r ? [{ unitId: x.unitId, report: r }] : []; });

      let best = Infinity;
      let bytes = 0;
      let sheets = 0;
      let phases = '';
      let failed: string | undefined;
      for (let i = 0; i < ctx.repeat; i++) {
        const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
        const t0 = performance.now();
        const c0 = cpu();
        try {
          const source = consolidatedReportSource({ plan: doc, summary: c.summary, reports, unitId: consolidating, units });
          if (!source.ok) { failed = source.error; break; }
          const t1 = performance.now();
          const c1 = cpu();
          const report = buildReportDocument(source.source);
          const t2 = performance.now();
          const c2 = cpu();
          const xlsx = writeWorkbook(report.sheets);
          const t3 = performance.now();
          const c3 = cpu();
          // CPU time beside wall time: on a shared machine the wall clock also counts other jobs.
          if ((t3 - t0) / 1000 < best) {
            phases = `source ${((t1 - t0) / 1000).toFixed(2)} s, document ${((t2 - t1) / 1000).toFixed(2)} s, workbook ${((t3 - t2) / 1000).toFixed(2)} s`
              + ` (CPU: ${(c1 - c0).toFixed(2)} s, ${(c2 - c1).toFixed(2)} s, ${(c3 - c2).toFixed(2)} s)`;
          }
          best = Math.min(best, (t3 - t0) / 1000);
          bytes = xlsx.length;
          sheets = report.sheets.length;
        } catch (e) {
          // Where it broke, so the figure names its own bug.
          failed = e instanceof Error ? `${e.message} ${(e.stack ?? '').split('\n').slice(1, 5).map((l) => l.trim()).join(' ← ')}` : String(e);
          break;
        }
      }
      const m: Measurement = {
        name: `xlsx export of a consolidated report, ${n} units`, value: Number.isFinite(best) ? best : 0, unit: 's', target: 10,
        note: `${c.counted.length} reports counted, ${payload.items.length} items, ${sheets} sheets, ${(bytes / 1e6).toFixed(1)} MB; ${phases} (summary built beforehand)`,
        ...(failed ? { failed } : c.counted.length !== n ? { failed: `${c.counted.length} of ${n} reports counted` } : {}),
      };
      return [m];
    },
  };
}
