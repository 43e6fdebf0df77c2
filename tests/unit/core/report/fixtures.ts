// The Vũng Tàu 2024 plan with its 17 wards, one month of signed reports (one ward missing, two
// late, one typing hostile text), consolidated by the city and signed: the real shape of a report.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  consolidate, expectedUnits, packagesToCarry, readCalendar, submissionsOf, type Consolidation, type Submission,
} from '../../../../shared/consolidation';
import type { IsoDate, ItemId, UnitId } from '../../../../shared/model/ids';
import type { PlanDocument, PlanItem } from '../../../../shared/model/plan';
import type { EntryStatus, ReportPayload } from '../../../../shared/model/report';
import type { PlanUnit } from '../../../../shared/model/units';
import {
  buildConsolidatedPackage, buildPlanPackage, buildReportPackage, trustFromPlanUnits, verifyPackage, type Package,
} from '../../../../shared/packages';
import { dataWindow } from '../../../../shared/periods/calendar';
import { readTranscribedPlan } from '../../../../shared/plans/transcribed';
import { parsePeriodKey } from '../../../../shared/periods/keys';
import { signed, testKey } from '../../../helpers/packages';
import { consolidatedReportSource, readConsolidatedSummary, type ReportSource } from '../../../../shared/report';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const readJson = (rel: string): unknown => JSON.parse(readFileSync(`${root}${rel}`, 'utf8'));

export const PROVINCE = 'brvt' as UnitId;
export const CITY = 'brvt.vung-tau' as UnitId;
export const PERIOD = '2024-05';
export const MAY = parsePeriodKey(PERIOD)!;
export const MISSING_WARD = 'brvt.vung-tau.long-son' as UnitId;
export const LATE_WARDS: readonly UnitId[] = ['brvt.vung-tau.p11', 'brvt.vung-tau.p12'] as UnitId[];
export const HOSTILE_WARD = 'brvt.vung-tau.thang-tam' as UnitId;
export const HOSTILE = {
  result: '<script>alert("x")</script> & "ngoặc kép" \'đơn\'',
  difficulties: '=HYPERLINK("http://evil.example","bấm vào")',
  proposals: '+1-2 @SUM(A1)',
};

type DirUnit = { id: string; name: string; kind: string; parentId: string | null; validTo: string | null };

/** The 16 wards and 1 commune of Vũng Tàu city before 1/7/2025, in the directory's order. */
export function wards(): { id: UnitId; name: string }[] {
  const dir = readJson('resources/units/directory.json') as { units: DirUnit[] };
  return dir.units.filter((u) => u.parentId === CITY && (u.kind === 'ward' || u.kind === 'commune')).map((u) => ({ id: u.id as UnitId, name: u.name }));
}

export function vungTauPlan(): PlanDocument {
  const r = readTranscribedPlan(readJson('resources/plans/vungtau-cds-2024.json'));
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.doc;
}

export function planUnits(): PlanUnit[] {
  const key = (id: string) => {
    const k = testKey(id);
    return [{ keyId: k.keyId, publicKey: k.publicKeyB64, validFrom: '2024-01-01T00:00:00Z', revokedAt: null }];
  };
  return [
    { id: PROVINCE, name: 'Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu', parentId: null, aliases: [], publicKeys: [] },
    { id: CITY, name: 'Ủy ban nhân dân thành phố Vũng Tàu', parentId: PROVINCE, aliases: [], publicKeys: key(CITY) },
    ...wards().map((w) => ({ id: w.id, name: w.name, parentId: CITY, aliases: [], publicKeys: key(w.id) })),
  ];
}

const STATUSES: readonly EntryStatus[] = ['done', 'in-progress', 'in-progress', 'not-started', 'done-late', 'carried-over'];
const DIFFICULTIES = ['Thiếu kinh phí đầu tư hạ tầng công nghệ thông tin', 'Cán bộ phụ trách công nghệ thông tin kiêm nhiệm nhiều việc', ''];
const PROPOSALS = ['Đề nghị UBND thành phố bố trí kinh phí đầu tư hạ tầng', '', 'Đề nghị tổ chức tập huấn kỹ năng số cho cán bộ phường'];

/** Ward n's report: four tasks and three indicators, deterministic, different per ward. */
export function wardReport(n: number, name: string, plan: PlanDocument, hostile = false): ReportPayload {
  const tasks = plan.items.filter((i) => i.kind === 'task').slice(0, 4);
  const indicators = plan.items.filter((i) => i.kind === 'indicator').slice(0, 3);
  const entries = tasks.map((item: PlanItem, k) => {
    const status = STATUSES[(n + k) % STATUSES.length]!;
    return {
      itemId: item.id as ItemId, status, percent: status === 'in-progress' ? 40 + ((n * 7 + k * 5) % 50) : status === 'done' ? 100 : null,
      result: hostile && k === 0 ? HOSTILE.result : `${name} đã triển khai nội dung ${item.no} theo kế hoạch.`,
      difficulties: hostile && k === 0 ? HOSTILE.difficulties : DIFFICULTIES[(n + k) % DIFFICULTIES.length]!,
      proposals: hostile && k === 0 ? HOSTILE.proposals : PROPOSALS[(n + k) % PROPOSALS.length]!,
      evidence: k === 0 ? [{ ref: `Kế hoạch số ${10 + n}/KH-UBND`, date: '2024-04-20' as IsoDate, note: '' }] : [],
      completedOn: status === 'done' || status === 'done-late' ? ('2024-05-08' as IsoDate) : null,
    };
  });
  const indicatorValues = indicators.map((item, k) => {
    const denominator = 1000 + 37 * n + 11 * k;
    const numerator = denominator - ((n * 7 + k * 13) % 40);
    return { itemId: item.id as ItemId, numerator, denominator, value: (100 * numerator) / denominator, text: '' };
  });
  const indicatorEntries = indicators.map((item) => ({
    itemId: item.id as ItemId, status: 'in-progress' as const, percent: null, result: '', difficulties: '', proposals: '', evidence: [], completedOn: null,
  }));
  return { entries: [...entries, ...indicatorEntries], indicatorValues, projectValues: [], narrative: `${name} báo cáo kết quả tháng 5/2024.` };
}

export type VungTauMonth = {
  plan: PlanDocument;
  units: PlanUnit[];
  planPackage: { package: Package<'plan'>; bytes: Uint8Array };
  reports: { unitId: UnitId; package: Package<'report'>; bytes: Uint8Array }[];
  consolidation: Consolidation;
  consolidated: { package: Package<'consolidated'>; bytes: Uint8Array };
};

export async function vungTauMonth(): Promise<VungTauMonth> {
  const plan = vungTauPlan();
  const units = planUnits();
  const planPackage = await signed(buildPlanPackage({ unitId: CITY, sequence: 1, createdAt: '2024-01-15T08:00:00+07:00' },
    { plan: plan.plan, sections: plan.sections, items: plan.items, units }), CITY);
  const reports: VungTauMonth['reports'] = [];
  for (const [n, w] of wards().entries()) {
    if (w.id === MISSING_WARD) continue;
    const createdAt = LATE_WARDS.includes(w.id) ? '2024-05-14T10:00:00+07:00' : '2024-05-11T09:00:00+07:00';
    const pkg = buildReportPackage({ unitId: w.id, planId: plan.plan.id, planRevision: plan.plan.revision, period: PERIOD, sequence: 1, createdAt },
      wardReport(n, w.name, plan, w.id === HOSTILE_WARD));
    reports.push({ unitId: w.id, ...(await signed(pkg, w.id)) });
  }
  const trust = trustFromPlanUnits(units);
  const submissions: Submission[] = [];
  const byRef = new Map<string, Package>();
  for (const r of reports) {
    const v = await verifyPackage(r.bytes, { trust, plan: { id: plan.plan.id, periods: [PERIOD] } });
    if (v.reason !== 'ok') throw new Error(`${r.unitId}: ${v.reason} ${v.detail}`);
    submissions.push(...submissionsOf(`${r.unitId}.json`, v));
    byRef.set(`${r.unitId}.json`, r.package);
  }
  const calendar = readCalendar(plan.plan.calendar);
  const consolidation = consolidate({
    planId: plan.plan.id, calendar, items: plan.items, period: MAY, submissions,
    expected: expectedUnits(units, CITY, dataWindow(calendar, MAY)),
    units: units.map((u) => ({ id: u.id, name: u.name, parentId: u.parentId })), consolidatingUnitId: CITY,
  });
  const children = packagesToCarry(consolidation.lines.flatMap((l) => (l.accepted ? [l.accepted] : [])), (ref) => byRef.get(ref) ?? null);
  const consolidated = await signed(buildConsolidatedPackage(
    { unitId: CITY, planId: plan.plan.id, planRevision: plan.plan.revision, period: PERIOD, sequence: 1, createdAt: '2024-05-20T08:00:00+07:00' },
    children, consolidation.summary as unknown as Package<'consolidated'>['payload']['summary'],
  ), CITY);
  return { plan, units, planPackage, reports, consolidation, consolidated };
}

/** A small plan with the three kinds of items, projects phased by year (million VND as written). */
export function smallPlan(): PlanDocument {
  const base = vungTauPlan().plan;
  const s = (id: string, code: string, title: string, kind: 'tasks' | 'indicators' | 'projects') => ({ id: id as never, code, title, kind });
  const it = (id: string, kind: PlanItem['kind'], sectionId: string, no: string, extra: Partial<PlanItem> = {}): PlanItem =>
    ({ id: id as ItemId, kind, sectionId: sectionId as never, no, content: `Nội dung ${no}`, lead: 'Phòng VH-TT', coordinating: '', due: 'Quý II/2024', target: '', note: '', ...extra });
  return {
    plan: { ...base, id: 'small' as never, title: 'Kế hoạch thử' },
    sections: [s('t.I', 'I', 'Nhiệm vụ chung', 'tasks'), s('i.I', 'I', 'Chỉ tiêu', 'indicators'), s('p.I', 'I', 'Dự án', 'projects')],
    items: [
      it('t1', 'task', 't.I', '1'), it('t2', 'task', 't.I', '2'),
      it('i1', 'indicator', 'i.I', '1', { target: 'Trên 95%' }),
      it('p1', 'project', 'p.I', '1', { budgetTotal: '350.000', budgetByYear: { '2024': '1.500', '2025': '2.000' }, fundingSource: 'Ngân sách tỉnh' }),
      it('p2', 'project', 'p.I', '2', { budgetTotal: '1.250,5', budgetByYear: { '2024': '500' } }),
    ],
  };
}

export function smallReport(overrides: Partial<ReportPayload> = {}): ReportPayload {
  const e = (itemId: string, status: EntryStatus, extra: Partial<ReportPayload['entries'][number]> = {}) =>
    ({ itemId: itemId as ItemId, status, percent: null, result: '', difficulties: '', proposals: '', evidence: [], completedOn: null, ...extra });
  return {
    entries: [
      e('t1', 'in-progress', { percent: 60, result: 'Đã tập huấn 3 lớp', difficulties: 'Thiếu phòng máy', proposals: 'Bố trí kinh phí' }),
      e('t2', 'done', { completedOn: '2024-05-08' as IsoDate, evidence: [{ ref: 'Báo cáo số 12/BC-UBND', date: '2024-05-09' as IsoDate, note: '' }] }),
      e('i1', 'in-progress'), e('p1', 'in-progress'), e('p2', 'in-progress'),
    ],
    indicatorValues: [{ itemId: 'i1' as ItemId, numerator: 23391, denominator: 23802, value: 98.27325434837408, text: '' }],
    projectValues: [{ itemId: 'p1' as ItemId, disbursedMillionVnd: 1250.5 }, { itemId: 'p2' as ItemId, disbursedMillionVnd: 100 }],
    narrative: 'Tình hình chung tháng 5.',
    ...overrides,
  };
}

/** The city's consolidated report source for May, from the signed summary as it travels (through JSON). */
export function citySourceOf(month: VungTauMonth): ReportSource {
  const summary = readConsolidatedSummary(JSON.parse(JSON.stringify(month.consolidated.package.payload.summary)));
  if (!summary.ok) throw new Error(summary.error);
  const s = consolidatedReportSource({
    plan: month.plan, summary: summary.summary, unitId: CITY,
    reports: month.reports.map((r) => ({ unitId: r.unitId, report: r.package.payload })),
    units: month.units.map((u) => ({ id: u.id, name: u.name, parentId: u.parentId })),
  });
  if (!s.ok) throw new Error(s.error);
  return s.source;
}
