// The 17 Vũng Tàu wards' May 2024 report packages for the consolidation journey, made in Node
// with the core builders and deterministic test keys (tests/helpers/packages.ts: worthless keys).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildReportPackage, type ReportPayload } from '../../../shared/packages';
import type { ItemId } from '../../../shared/model/ids';
import type { EntryStatus } from '../../../shared/model/report';
import { signed, testKey } from '../../helpers/packages';

export const PLAN_ID = 'vungtau-cds-2024';
export const PERIOD = '2024-05';
/** Directory order of resources/units/directory.json. */
export const WARDS = [
  'p1', 'p2', 'p3', 'p4', 'p5', 'p7', 'p8', 'p9', 'p10', 'p11', 'p12', 'thang-nhi', 'thang-tam', 'thang-nhat', 'rach-dua', 'nguyen-an-ninh', 'long-son',
].map((w) => `brvt.vung-tau.${w}`);

export type WardSpec = { unitId: string; sequence: number; createdAt: string; numerator: number; denominator: number; status: EntryStatus };

const ON_TIME = '2024-05-11T15:00:00+07:00';
const LATE = '2024-05-14T09:00:00+07:00';
export const LATE_WARDS = ['p10', 'p11', 'p12'].map((w) => `brvt.vung-tau.${w}`);
export const MISSING_WARD = 'brvt.vung-tau.long-son';
export const RESENT_WARD = 'brvt.vung-tau.p4';
export const SUPERSEDED_WARD = 'brvt.vung-tau.p5';
export const TAMPERED_WARD = 'brvt.vung-tau.p3';

/** Indicator i.1.1 (100% of procedures online): ward n reports (200 + 7n) of (250 + 5n). */
export function specOf(unitId: string, n: number, sequence = 1): WardSpec {
  return {
    unitId, sequence, createdAt: LATE_WARDS.includes(unitId) ? LATE : ON_TIME,
    numerator: 200 + 7 * n + (sequence - 1) * 30, denominator: 250 + 5 * n, status: n % 3 === 0 ? 'done' : 'in-progress',
  };
}

function payloadOf(s: WardSpec): ReportPayload {
  return {
    entries: [
      { itemId: 't.1.1' as ItemId, status: s.status, percent: s.status === 'done' ? 100 : 50, result: `Kết quả của ${s.unitId}`, difficulties: 'Thiếu kinh phí mua sắm thiết bị', proposals: '', evidence: [], completedOn: null },
      { itemId: 'i.1.1' as ItemId, status: 'in-progress', percent: null, result: '', difficulties: '', proposals: '', evidence: [], completedOn: null },
    ],
    indicatorValues: [{ itemId: 'i.1.1' as ItemId, numerator: s.numerator, denominator: s.denominator, value: (100 * s.numerator) / s.denominator, text: '' }],
    projectValues: [],
    narrative: `Báo cáo tháng 5/2024 của ${s.unitId}, lần ${s.sequence}.`,
  };
}

/** A ward's signed report package, for May 2024 unless another period is named. */
export async function wardPackage(s: WardSpec, period = PERIOD): Promise<Uint8Array> {
  const unsigned = buildReportPackage({ unitId: s.unitId, planId: PLAN_ID, planRevision: 1, period, sequence: s.sequence, createdAt: s.createdAt }, payloadOf(s));
  return (await signed(unsigned, testKey(s.unitId))).bytes;
}

export type Scenario = { dir: string; files: string[]; counted: WardSpec[] };

/**
 * 16 wards report (Xã Long Sơn does not), 3 of them late; Phường 4's file arrives twice; Phường 5
 * sends sequence 1 then 2; a copy of Phường 3's package edited after signing comes too.
 */
export async function writeScenario(dir: string): Promise<Scenario> {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const counted: WardSpec[] = [];
  const put = (name: string, bytes: Uint8Array) => { const path = join(dir, name); writeFileSync(path, bytes); files.push(path); };
  for (const [n, unitId] of WARDS.entries()) {
    if (unitId === MISSING_WARD) continue;
    const short = unitId.split('.').pop() ?? unitId;
    if (unitId === SUPERSEDED_WARD) put(`${short}-lan-1.json`, await wardPackage(specOf(unitId, n, 1)));
    const spec = specOf(unitId, n, unitId === SUPERSEDED_WARD ? 2 : 1);
    const bytes = await wardPackage(spec);
    counted.push(spec);
    put(`${short}.json`, bytes);
    if (unitId === RESENT_WARD) put(`${short}-gui-lai.json`, bytes);
    if (unitId === TAMPERED_WARD) {
      const text = new TextDecoder().decode(bytes).replace(`"numerator":${spec.numerator}`, `"numerator":${spec.numerator + 40}`);
      put(`${short}-da-sua.json`, new TextEncoder().encode(text));
    }
  }
  return { dir, files, counted };
}
