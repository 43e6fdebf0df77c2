// Builders for tests that need packages: deterministic test keys (never use them for real data),
// aReport({ unit, period, sequence }), signedBy(unit), a small plan and a trust registry.
import { sha256 } from '@noble/hashes/sha2.js';
import { publicKeyOf } from '../../shared/crypto/ed25519';
import { toBase64url } from '../../shared/crypto/encoding';
import { keyIdOf } from '../../shared/crypto/hash';
import type { ItemId, PeriodKey, PlanId, SectionId, UnitId } from '../../shared/model/ids';
import {
  addKey, buildPackage, buildPlanPackage, buildReportPackage, emptyTrust, secretKeySigner, signPackage,
  type Package, type PackageKind, type PlanPayload, type ReportPayload, type Signer, type TrustRegistry, type UnsignedPackage,
} from '../../shared/packages';

export const PLAN_ID = 'vt-2024';
export const PLAN_REVISION = 1;
export const PLAN_PERIODS: readonly string[] = Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`);
export const CREATED_AT = '2024-06-10T08:00:00Z';

export type TestKey = { unitId: string; secretKey: Uint8Array; publicKey: Uint8Array; publicKeyB64: string; keyId: string };

/** The test key of a name: seed = SHA-256("planbook test key " + name). Public, reproducible, worthless. */
export function testKey(name: string, unitId = name): TestKey {
  const secretKey = sha256(new TextEncoder().encode(`planbook test key ${name}`));
  const publicKey = publicKeyOf(secretKey);
  return { unitId, secretKey, publicKey, publicKeyB64: toBase64url(publicKey), keyId: keyIdOf(publicKey) };
}

export function signedBy(unitOrKey: string | TestKey): Signer {
  return secretKeySigner(typeof unitOrKey === 'string' ? testKey(unitOrKey).secretKey : unitOrKey.secretKey);
}

export function aReportPayload(overrides: Partial<ReportPayload> = {}): ReportPayload {
  return {
    entries: [{
      itemId: 'vt-2024.t1' as ItemId, status: 'in-progress', percent: 60, result: 'Đã tổ chức 3 lớp tập huấn cho cán bộ phường.',
      difficulties: '', proposals: '', evidence: [{ ref: 'Báo cáo số 12/BC-UBND', date: '2024-06-05' as never, note: '' }], completedOn: null,
    }],
    indicatorValues: [{ itemId: 'vt-2024.i1' as ItemId, numerator: 23391, denominator: 23802, value: 98.27325434837408, text: '' }],
    projectValues: [{ itemId: 'vt-2024.p1' as ItemId, disbursedMillionVnd: 1250.5 }],
    narrative: 'Phường Thắng Tam báo cáo tiến độ tháng.',
    ...overrides,
  };
}

export type ReportSpec = { unit: string; period?: string; sequence?: number; planId?: string; createdAt?: string; narrative?: string; payload?: Partial<ReportPayload> };

export function aReport(spec: ReportSpec): UnsignedPackage<'report'> {
  return buildReportPackage(
    { unitId: spec.unit, planId: spec.planId ?? PLAN_ID, planRevision: PLAN_REVISION, period: spec.period ?? '2024-05', sequence: spec.sequence ?? 1, createdAt: spec.createdAt ?? CREATED_AT },
    aReportPayload({ ...(spec.narrative !== undefined ? { narrative: spec.narrative } : {}), ...spec.payload }),
  );
}

export function aPlanPayload(units: readonly TestKey[] = []): PlanPayload {
  return {
    plan: {
      id: PLAN_ID as PlanId, revision: PLAN_REVISION, title: 'Kế hoạch chuyển đổi số năm 2024', decision: 'Kế hoạch số 45/KH-UBND',
      issuer: 'UBND thành phố Vũng Tàu', issuedOn: '2024-01-15' as never, periodFrom: '2024-01' as PeriodKey, periodTo: '2024-12' as PeriodKey,
      calendar: { kinds: ['month'], dueDay: 12, cutOffDay: 10, yearlyDue: '12-15', consolidateBy: 25 },
    },
    sections: [{ id: 's1' as SectionId, code: 'I', title: 'Nhiệm vụ', kind: 'tasks' }],
    items: [{ id: 'vt-2024.t1' as ItemId, kind: 'task', sectionId: 's1' as SectionId, no: '1', content: 'Tập huấn kỹ năng số', lead: 'Phòng VH-TT', coordinating: 'UBND các phường', due: 'Quý II/2024', target: '', note: '' }],
    units: units.map((k) => ({ id: k.unitId as UnitId, name: `Đơn vị ${k.unitId}`, parentId: 'thanh-pho' as UnitId, aliases: [],
      publicKeys: [{ keyId: k.keyId, publicKey: k.publicKeyB64, validFrom: '2024-01-01T00:00:00Z', revokedAt: null }] })),
  };
}

export const aPlan = (units: readonly TestKey[] = [], sequence = 1) =>
  buildPlanPackage({ unitId: 'thanh-pho', sequence, createdAt: CREATED_AT }, aPlanPayload(units));

/** Signs with the unit's test key (or the given key); throws on failure, for tests only. */
export async function signed<K extends PackageKind>(unsigned: UnsignedPackage<K>, by: string | TestKey): Promise<{ package: Package<K>; bytes: Uint8Array }> {
  const r = await signPackage(unsigned, signedBy(by));
  if (!r.ok) throw new Error(`signing failed: ${r.error}`);
  return { package: r.package, bytes: r.bytes };
}

/** A registry trusting the test keys of these units (validFrom 2024-01-01). */
export function trustFor(keys: readonly TestKey[], revokedAt: Record<string, string> = {}): TrustRegistry {
  let reg = emptyTrust();
  for (const k of keys) {
    const r = addKey(reg, { unitId: k.unitId as UnitId, publicKey: k.publicKeyB64, validFrom: '2024-01-01T00:00:00Z', revokedAt: revokedAt[k.unitId] ?? null, source: 'manual', addedAt: null });
    if (!r.ok) throw new Error(r.error);
    reg = r.registry;
  }
  return reg;
}

export { buildPackage };
