// Deterministic benchmark data: a plan of 100 items (60 tasks, 30 indicators, 10 projects) whose
// signed plan package lists N ward units with their keys, and one signed ~27 KB report package
// per ward for one period. Built with the core builders (the same bytes the app writes) and
// signed with node:crypto keys whose seeds are SHA-256 of the ward's name, so every run produces
// byte-identical files and the timings compare runs, not data.
import { createHash, createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { keyIdOf } from '../shared/crypto/hash';
import { fromBase64url, toBase64url } from '../shared/crypto/encoding';
import type { ItemId, PeriodKey, PlanId, SectionId, UnitId } from '../shared/model/ids';
import type { PlanItem } from '../shared/model/plan';
import type { Entry, IndicatorValue, ProjectValue } from '../shared/model/report';
import { buildPlanPackage, buildReportPackage, signPackage, type PlanPayload, type ReportPayload, type Signer } from '../shared/packages';

export const BENCH_PLAN_ID = 'bench-2024';
export const BENCH_PERIOD = '2024-05';
const ISSUER = 'thanh-pho';
const CREATED_AT = '2024-06-10T08:00:00Z';

/** PKCS#8 DER prefix of an Ed25519 private key (RFC 8410): the 32-byte seed follows. */
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

type BenchKey = { unitId: string; privateKey: KeyObject; publicKey: Uint8Array; publicKeyB64: string; keyId: string };

function benchKey(unitId: string): BenchKey {
  const seed = createHash('sha256').update(`planbook bench key ${unitId}`).digest();
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  const publicKey = fromBase64url(String(jwk.x));
  if (!publicKey) throw new Error('node:crypto returned no public key');
  return { unitId, privateKey, publicKey, publicKeyB64: toBase64url(publicKey), keyId: keyIdOf(publicKey) };
}

const nodeSigner = (k: BenchKey): Signer => ({
  publicKey: k.publicKey,
  sign: async (bytes) => new Uint8Array(sign(null, bytes, k.privateKey)),
});

const TASKS = 60;
const INDICATORS = 30;
const PROJECTS = 10;
const WORDS = ['thiếu', 'kinh phí', 'nhân lực', 'hạ tầng mạng', 'chậm', 'máy tính', 'phần mềm', 'tập huấn', 'chữ ký số', 'dịch vụ công'];

const itemId = (k: string, n: number) => `${BENCH_PLAN_ID}.${k}${n + 1}` as ItemId;

function planItems(): PlanItem[] {
  const row = (id: ItemId, kind: PlanItem['kind'], sectionId: string, n: number, target: string): PlanItem => ({
    id, kind, sectionId: sectionId as SectionId, no: String(n + 1),
    content: `Nội dung ${n + 1}: triển khai ứng dụng công nghệ thông tin, chuyển đổi số tại phường, xã`,
    lead: n % 3 === 0 ? 'Phòng Văn hóa - Thông tin' : 'UBND các phường', coordinating: 'Các phòng, ban', due: 'Quý II/2024', target, note: '',
  });
  return [
    ...Array.from({ length: TASKS }, (_, n) => row(itemId('t', n), 'task', 's1', n, '')),
    ...Array.from({ length: INDICATORS }, (_, n) => row(itemId('i', n), 'indicator', 's2', n, n % 2 ? '100%' : 'Trên 95%')),
    ...Array.from({ length: PROJECTS }, (_, n) => row(itemId('p', n), 'project', 's3', n, '')),
  ];
}

/** A ward's report for the period: every item answered with realistic Vietnamese text (~27 KB). */
function reportPayload(ward: number): ReportPayload {
  const w = (i: number) => WORDS[(ward + i) % WORDS.length] as string;
  const entries: Entry[] = Array.from({ length: TASKS }, (_, n) => ({
    itemId: itemId('t', n), status: (ward + n) % 5 === 0 ? 'done' : 'in-progress', percent: (ward * 7 + n * 13) % 101,
    result: `Đã tổ chức ${(ward + n) % 9 + 1} lớp ${w(n)} cho cán bộ; cập nhật hồ sơ ${w(n + 1)}.`,
    difficulties: `Còn ${w(n + 2)}, ${w(n + 3)} ở khu phố ${(ward + n) % 11 + 1}.`,
    proposals: `Đề nghị hỗ trợ ${w(n + 4)}.`,
    evidence: [{ ref: `Báo cáo số ${ward % 90 + 10}/BC-UBND`, date: '2024-05-09', note: '' }] as Entry['evidence'],
    completedOn: null,
  }) as Entry);
  const indicatorValues: IndicatorValue[] = Array.from({ length: INDICATORS }, (_, n) => {
    const denominator = 100 + ((ward * 31 + n) % 900);
    const numerator = (ward * 17 + n * 5) % (denominator + 1);
    return { itemId: itemId('i', n), numerator, denominator, value: (100 * numerator) / denominator, text: `Đạt ${numerator}/${denominator} hồ sơ` } as IndicatorValue;
  });
  const projectValues: ProjectValue[] = Array.from({ length: PROJECTS }, (_, n) => ({ itemId: itemId('p', n), disbursedMillionVnd: ((ward * 13 + n * 7) % 5000) + 0.5 }));
  return { entries, indicatorValues, projectValues, narrative: `Đơn vị ${ward} báo cáo tiến độ thực hiện kế hoạch chuyển đổi số tháng 5 năm 2024.` };
}

export type Generated = { dir: string; plan: string; files: number; bytes: number };

/** Writes PLAN.json beside DIR/ with N signed reports into `root`; returns their paths and total size. */
/** `issuer`: the consolidating unit that signs the plan (the app's bench sets up as a real unit of the directory). */
export async function generateBenchData(root: string, n: number, issuerId = ISSUER): Promise<Generated> {
  const dir = join(root, 'inbox');
  mkdirSync(dir, { recursive: true });
  const issuer = benchKey(issuerId);
  const wards = Array.from({ length: n }, (_, i) => benchKey(`phuong-${String(i + 1).padStart(4, '0')}`));
  const payload: PlanPayload = {
    plan: {
      id: BENCH_PLAN_ID as PlanId, revision: 1, title: 'Kế hoạch chuyển đổi số năm 2024 (thử tải)', decision: 'Kế hoạch số 45/KH-UBND',
      issuer: 'UBND thành phố', issuedOn: '2024-01-15' as never, periodFrom: '2024-01' as PeriodKey, periodTo: '2024-12' as PeriodKey,
      calendar: { kinds: ['month'], dueDay: 12, cutOffDay: 10, yearlyDue: '12-15', consolidateBy: 25 },
    },
    sections: [
      { id: 's1' as SectionId, code: 'I', title: 'Nhiệm vụ', kind: 'tasks' },
      { id: 's2' as SectionId, code: 'II', title: 'Chỉ tiêu', kind: 'indicators' },
      { id: 's3' as SectionId, code: 'III', title: 'Dự án', kind: 'projects' },
    ],
    items: planItems(),
    units: [issuer, ...wards].map((k, i) => ({
      id: k.unitId as UnitId, name: i === 0 ? 'UBND thành phố' : `Phường ${i}`, parentId: (i === 0 ? null : issuerId) as UnitId | null, aliases: [],
      publicKeys: [{ keyId: k.keyId, publicKey: k.publicKeyB64, validFrom: '2024-01-01T00:00:00Z', revokedAt: null }],
    })),
  };
  const plan = await signPackage(buildPlanPackage({ unitId: issuerId, sequence: 1, createdAt: CREATED_AT }, payload), nodeSigner(issuer));
  if (!plan.ok) throw new Error(`cannot sign the bench plan: ${plan.error}`);
  const planFile = join(root, 'PLAN.json');
  writeFileSync(planFile, plan.bytes);
  let bytes = 0;
  for (const [i, k] of wards.entries()) {
    const unsigned = buildReportPackage(
      { unitId: k.unitId, planId: BENCH_PLAN_ID, planRevision: 1, period: BENCH_PERIOD, sequence: 1, createdAt: `2024-06-${String(5 + (i % 10)).padStart(2, '0')}T08:00:00Z` },
      reportPayload(i + 1),
    );
    const r = await signPackage(unsigned, nodeSigner(k));
    if (!r.ok) throw new Error(`cannot sign the bench report: ${r.error}`);
    writeFileSync(join(dir, `${k.unitId}.json`), r.bytes);
    bytes += r.bytes.length;
  }
  return { dir, plan: planFile, files: n, bytes };
}
