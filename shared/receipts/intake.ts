// One received file: what is kept of it (its own verdict, which no other file changes) and what
// the officer is told when it arrives (how it stands against the files already received). The
// app stores the first and shows the second; the consolidation core derives the rest, so any
// import order leaves the same rows (DESIGN.md: importing in any order gives the same result).
import { submissionsOf } from '../consolidation/packages';
import type { Submission, SubmissionHead } from '../consolidation/types';
import { judgeSequence, type Reason, type VerifyResult } from '../packages';

/** What the officer reads for one file. `supersedes`/`superseded` are `ok` with a relation. */
export type ArrivalOutcome = Reason | 'supersedes' | 'superseded';

/** The stored fields of a received file (the renderer's ReceivedPackageRecord carries these). */
export type ReceivedFile = {
  fileName: string;
  bytes: Uint8Array;
  bytesHash: string;
  receivedAt: string;
  /** The file's own verdict: signature, trust, plan and period; never stale/duplicate/conflict. */
  reason: Reason;
  outcome: ArrivalOutcome;
  detail: string;
  packageId: string | null;
  kind: string | null;
  unitId: string | null;
  planId: string | null;
  period: string | null;
  sequence: number | null;
  createdAt: string | null;
  keyId: string | null;
  publicKey: string | null;
  contentHash: string | null;
  submissions: Submission[];
};

/** The consolidation core's `ref` of a stored file: its bytes hash, stable whatever its name or arrival order. */
export const refOf = (bytesHash: string) => `file:${bytesHash}`;

/** The row to keep for a verified file (outcome still `reason`: see `judgeArrival`). */
export function receivedFileOf(file: { name: string; bytes: Uint8Array }, result: VerifyResult, receivedAt: string): ReceivedFile {
  const h = result.header;
  return {
    fileName: file.name, bytes: file.bytes, bytesHash: result.bytesHash, receivedAt,
    reason: result.reason, outcome: result.reason, detail: result.detail,
    packageId: h?.packageId ?? null, kind: result.kind, unitId: h?.unitId ?? null, planId: h?.planId ?? null,
    period: h?.period ?? null, sequence: h?.sequence ?? null, createdAt: h?.createdAt ?? null,
    keyId: result.keyId, publicKey: result.package?.signature.publicKey ?? null, contentHash: result.contentHash,
    submissions: result.reason === 'ok' ? submissionsOf(refOf(result.bytesHash), result) : [],
  };
}

/** What is known of a file already received, for judging a new one. */
export type Known = Pick<ReceivedFile, 'bytesHash' | 'reason'> & { submissions: readonly SubmissionHead[]; setAside?: boolean };

export type Arrival = { outcome: ArrivalOutcome; store: boolean };

/**
 * How a new file stands against those received before it.
 * * The same bytes again: `duplicate`, and nothing is stored (importing a folder twice changes nothing).
 * * A rejected file: its reason; it is stored as evidence and enters nothing.
 * * A report or consolidated package: against the accepted packages of its unit, plan, period and
 *   kind: `duplicate` (same signed content in another file), `stale`, `conflict`, `supersedes`, or `ok`.
 */
export function judgeArrival(known: readonly Known[], incoming: Known): Arrival {
  if (known.some((k) => k.bytesHash === incoming.bytesHash)) return { outcome: 'duplicate', store: false };
  if (incoming.reason !== 'ok') return { outcome: incoming.reason, store: true };
  const own = incoming.submissions.find((s) => s.direct);
  if (!own) return { outcome: 'ok', store: true };
  const accepted = known
    .filter((k) => k.reason === 'ok' && !k.setAside)
    .flatMap((k) => k.submissions)
    .filter((s) => s.kind === own.kind && s.unitId === own.unitId && s.planId === own.planId && s.period === own.period)
    .map((s) => ({ packageId: s.packageId, sequence: s.sequence, contentHash: s.contentKey }));
  const judged = judgeSequence(accepted, { sequence: own.sequence, contentHash: own.contentKey, bytesHash: incoming.bytesHash });
  if (judged.reason === 'ok') return { outcome: judged.supersedes.length > 0 ? 'supersedes' : 'ok', store: true };
  return { outcome: judged.reason, store: true };
}
