// Zod schemas for the envelope and each payload. Named fields are strict (type, range, enum);
// members a reader does not know are allowed and kept (DESIGN.md: "add fields freely"), which is
// why every object is a looseObject. The signed bytes always come from the parsed tree, never from
// zod's output, so unknown fields stay covered by the signature.
import { z } from 'zod';
import { isPeriodKey } from '../periods/keys';
import { ENTRY_STATUSES } from '../model/report';
import { FORMAT_VERSION, PACKAGE_FORMAT, PACKAGE_KINDS, REASONS, SIGNATURE_ALG, type PackageKind } from './types';

const str = z.string();
const nullableStr = z.string().nullable();
const id = z.string().min(1).max(200);
const safeInt = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u);
const dateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/u)
  .refine((s) => !Number.isNaN(Date.parse(s)), 'not a date-time');
const period = z.string().refine(isPeriodKey, 'not a period key');
/** keyId: base32 upper case without padding of 16 bytes. */
export const keyIdSchema = z.string().regex(/^[A-Z2-7]{26}$/u);
/** 32 bytes in base64url without padding: 43 characters, the last one ending in 2 zero bits (one spelling per key). */
export const publicKeySchema = z.string().regex(/^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/u);
/** 64 bytes in base64url without padding: 86 characters, the last one ending in 4 zero bits. */
export const signatureValueSchema = z.string().regex(/^[A-Za-z0-9_-]{85}[AQgw]$/u);

export const headerSchema = z.looseObject({
  packageId: id,
  planId: id.nullable(),
  planRevision: safeInt.nullable(),
  unitId: id,
  period: period.nullable(),
  sequence: safeInt,
  createdAt: dateTime,
  app: z.string().min(1).max(200),
});

export const unsignedSignatureSchema = z.looseObject({ alg: z.literal(SIGNATURE_ALG), keyId: keyIdSchema, publicKey: publicKeySchema });
export const signatureSchema = unsignedSignatureSchema.extend({ value: signatureValueSchema });

const publicKeyEntry = z.looseObject({ keyId: keyIdSchema, publicKey: publicKeySchema, validFrom: dateTime.nullable(), revokedAt: dateTime.nullable() });

const planPayload = z.looseObject({
  plan: z.looseObject({
    id, revision: safeInt, title: str, decision: nullableStr, issuer: str, issuedOn: isoDate.nullable(),
    periodFrom: period, periodTo: period, calendar: z.looseObject({}),
  }),
  sections: z.array(z.looseObject({ id, code: str, title: str, kind: z.enum(['tasks', 'indicators', 'projects']) })),
  items: z.array(z.looseObject({
    id, kind: z.enum(['task', 'indicator', 'project']), sectionId: id.nullable(), no: str, content: str,
    lead: str, coordinating: str, due: str, target: str,
  })),
  units: z.array(z.looseObject({ id, name: str, parentId: id.nullable(), aliases: z.array(str), publicKeys: z.array(publicKeyEntry) })),
});

const num = z.number().nullable();
const reportPayload = z.looseObject({
  entries: z.array(z.looseObject({
    itemId: id, status: z.enum(ENTRY_STATUSES).nullable(), percent: z.number().min(0).max(100).nullable(),
    result: str, difficulties: str, proposals: str,
    evidence: z.array(z.looseObject({ ref: str, date: isoDate.nullable(), note: str })),
    completedOn: isoDate.nullable(),
  })),
  indicatorValues: z.array(z.looseObject({ itemId: id, numerator: num, denominator: num, value: num, text: str })),
  projectValues: z.array(z.looseObject({ itemId: id, disbursedMillionVnd: num })),
  narrative: str,
});

const consolidatedPayload = z.looseObject({
  // Each child is judged by its own verification (reported per child), not by this schema.
  children: z.array(z.looseObject({})).min(1),
  summary: z.looseObject({ units: z.array(z.looseObject({ id, name: str, parentId: id.nullable() })) }),
});

const keysPayload = z.looseObject({
  unitId: id, publicKey: publicKeySchema, validFrom: dateTime, replaces: keyIdSchema.nullable().optional(),
  // The new key's proof in a rotation (docs/package-format.md §2): when present it is a signature.
  newKeySignature: signatureValueSchema.optional(),
});

const receiptPayload = z.looseObject({
  received: z.array(z.looseObject({
    packageId: id, unitId: id, period: period.nullable(), sequence: safeInt, reason: z.enum(REASONS), receivedAt: dateTime,
    review: z.looseObject({
      state: z.enum(['approved', 'returned']),
      comments: z.array(z.looseObject({ itemId: id, text: str })),
    }).optional(),
  })),
});

export const payloadSchemas: Record<PackageKind, z.ZodType> = {
  plan: planPayload, report: reportPayload, consolidated: consolidatedPayload, keys: keysPayload, receipt: receiptPayload,
};

export const envelopeSchema = z.looseObject({
  format: z.literal(PACKAGE_FORMAT),
  formatVersion: z.literal(FORMAT_VERSION),
  kind: z.enum(PACKAGE_KINDS),
  header: headerSchema,
  payload: z.looseObject({}),
  signature: signatureSchema,
});

type Header = z.infer<typeof headerSchema>;

/** Cross-field rules of DESIGN.md that a per-field schema cannot say; null when they hold. */
export function headerRuleProblem(kind: PackageKind, header: Header, payload: Record<string, unknown>): string | null {
  const planScoped = header.planId !== null && header.planRevision !== null;
  switch (kind) {
    case 'keys': {
      if (header.planId !== null || header.planRevision !== null || header.period !== null)
        return 'a keys package has null planId, planRevision and period';
      return (payload as { unitId?: unknown }).unitId === header.unitId ? null : 'keys payload unitId differs from header unitId';
    }
    case 'plan': {
      const plan = (payload as { plan?: { id?: unknown; revision?: unknown } }).plan;
      if (!planScoped) return 'a plan package names its plan and revision';
      return plan?.id === header.planId && plan?.revision === header.planRevision ? null : 'header planId/planRevision differ from the plan';
    }
    case 'report':
    case 'consolidated':
      return planScoped && header.period !== null ? null : `a ${kind} package names its plan, revision and period`;
    case 'receipt':
      return (header.planId === null) === (header.planRevision === null) ? null : 'planId and planRevision are both null or both set';
  }
}
