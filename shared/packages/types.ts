// The package envelope and payloads of DESIGN.md (Packages, Payloads: contract). Field names here
// are the contract; docs/package-format.md describes each one for other implementations.
import type { IsoDate, ItemId, PeriodKey, PlanId, UnitId } from '../model/ids';
import type { Plan, PlanItem, Section } from '../model/plan';
import type { ReportPayload } from '../model/report';
import type { PlanUnit } from '../model/units';

export const PACKAGE_FORMAT = 'planbook/package';
export const FORMAT_VERSION = 1;
export const SIGNATURE_ALG = 'Ed25519';

export const PACKAGE_KINDS = ['plan', 'report', 'consolidated', 'keys', 'receipt'] as const;
export type PackageKind = (typeof PACKAGE_KINDS)[number];

/** Verification reasons (contract), `ok` first. Exactly one per verified package. */
export const REASONS = [
  'ok', 'malformed', 'too-large', 'unsupported-version', 'bad-signature', 'unknown-key', 'revoked-key',
  'wrong-unit', 'wrong-plan', 'unknown-period', 'stale', 'conflict', 'duplicate',
] as const;
export type Reason = (typeof REASONS)[number];

export type PackageHeader = {
  packageId: string;
  planId: PlanId | null;
  planRevision: number | null;
  unitId: UnitId;
  period: PeriodKey | null;
  sequence: number;
  /** ISO 8601 date-time with `Z` or an offset, as claimed by the signer. */
  createdAt: string;
  /** `planbook x.y.z` or another implementation's name and version. */
  app: string;
};

export type UnsignedSignature = { alg: typeof SIGNATURE_ALG; keyId: string; publicKey: string };
export type Signature = UnsignedSignature & { value: string };

export type PlanPayload = { plan: Plan; sections: Section[]; items: PlanItem[]; units: PlanUnit[] };
export type { ReportPayload };
export type ConsolidatedSummary = {
  units: { id: UnitId; name: string; parentId: UnitId | null }[];
  [rollups: string]: unknown;
};
/** Children as received, byte for byte equal in canonical form, so every level re-verifies them. */
export type ConsolidatedPayload = { children: Package[]; summary: ConsolidatedSummary };
/**
 * `newKeySignature` (optional, a PlanBook addition that DESIGN.md's "add fields freely" allows): in a
 * rotation, the new key's signature over rotationProofBytes, so whoever made the rotation is shown
 * to hold the new private key too.
 */
export type KeysPayload = { unitId: UnitId; publicKey: string; validFrom: string; replaces?: string | null; newKeySignature?: string };
export type ReviewComment = { itemId: ItemId; text: string };
export type ReceivedEntry = {
  packageId: string;
  unitId: UnitId;
  period: PeriodKey | null;
  sequence: number;
  reason: Reason;
  receivedAt: string;
  review?: { state: 'approved' | 'returned'; comments: ReviewComment[] };
};
export type ReceiptPayload = { received: ReceivedEntry[] };

export type Payloads = {
  plan: PlanPayload;
  report: ReportPayload;
  consolidated: ConsolidatedPayload;
  keys: KeysPayload;
  receipt: ReceiptPayload;
};

type Envelope<K extends PackageKind> = {
  format: typeof PACKAGE_FORMAT;
  formatVersion: typeof FORMAT_VERSION;
  kind: K;
  header: PackageHeader;
  payload: Payloads[K];
};
/** A signed package of one kind; `Package` alone is the union over kinds. */
export type Package<K extends PackageKind = PackageKind> = K extends PackageKind
  ? Envelope<K> & { signature: Signature } : never;
/** Before signing: no signature, or one without `value` (what `planbook sign` accepts). */
export type UnsignedPackage<K extends PackageKind = PackageKind> = K extends PackageKind
  ? Envelope<K> & { signature?: UnsignedSignature } : never;

export type { IsoDate };
