// verifyPackage: bytes in, exactly one reason out (DESIGN.md, Verification reasons: contract).
// Never throws. The order of checks is part of the contract (docs/package-format.md):
//   size -> strict JSON (UTF-8, depth, duplicate and forbidden keys, numbers) -> format ->
//   formatVersion and alg -> schema -> signature and keyId -> key/unit (trust) ->
//   plan and period -> children of a consolidated package -> sequence.
import { fromBase64url } from './primitives';
import { verifyEd25519, publicKeyProblem, type Ed25519Native } from './primitives';
import { keyIdOf, sha256b64, type Sha256 } from './primitives';
import { canonicalize, hasLoneSurrogate, type JsonValue } from './primitives';
import { utf8Encode } from './primitives';
import { judgeSequence, type AcceptedIndex } from './accepted';
import { isJsonObject, parseStrictJson, type JsonObject } from './json';
import { arrayTooLong, limitsOf, type Limits } from './limits';
import { envelopeSchema, headerRuleProblem, payloadSchemas } from './schema';
import { rotationProofBytes, signingBytes } from './sign';
import { explainKey, type TrustRegistry, type TrustedKey } from './trust';
import { FORMAT_VERSION, PACKAGE_FORMAT, PACKAGE_KINDS, SIGNATURE_ALG, type Package, type PackageHeader, type PackageKind, type Reason } from './types';

export type VerifyContext = {
  /** The platform's verifier (WebCrypto, node:crypto); null or absent: noble alone. */
  native?: Ed25519Native | null;
  /** The host's synchronous SHA-256 (node:crypto in the command line); absent: noble's. Same digests. */
  sha256?: Sha256;
  limits?: Partial<Limits>;
  /** With a registry: `unknown-key`, `revoked-key`, `wrong-unit` become possible. */
  trust?: TrustRegistry;
  /** With a plan: `wrong-plan`, and `unknown-period` when `periods` is given. */
  plan?: { id: string; periods?: readonly string[] };
  /** With an index of accepted packages: `duplicate`, `stale`, `conflict`. */
  accepted?: AcceptedIndex;
};

export type VerifyFlag = 'sequence-jump';

export type VerifyResult = {
  reason: Reason;
  /** Technical detail in English for logs; show people `reasonMessage(reason, lang)`. */
  detail: string;
  kind: PackageKind | null;
  header: PackageHeader | null;
  keyId: string | null;
  /** The validated package once the schema holds (even when a later check fails). */
  package: Package | null;
  /** sha256 (base64url) of the signed bytes: the identity of the content. */
  contentHash: string | null;
  /** sha256 (base64url) of the bytes as given. */
  bytesHash: string;
  /** Consolidated packages: one result per child, in order. */
  children?: VerifyResult[];
  /** packageIds this one supersedes, when `ok` against an accepted index. */
  supersedes?: string[];
  flags: VerifyFlag[];
};

type Partial_ = Pick<VerifyResult, 'kind' | 'header' | 'keyId' | 'package' | 'contentHash' | 'children'>;
const EMPTY: Partial_ = { kind: null, header: null, keyId: null, package: null, contentHash: null };

function result(bytesHash: string, reason: Reason, detail: string, known: Partial_ = EMPTY, extra: Partial<VerifyResult> = {}): VerifyResult {
  return { reason, detail, ...EMPTY, ...known, bytesHash, flags: [], ...extra };
}

const kindOf = (v: unknown): PackageKind | null =>
  typeof v === 'string' && (PACKAGE_KINDS as readonly string[]).includes(v) ? (v as PackageKind) : null;

/** Verifies one package file. See the top of this file for the order of checks. */
export async function verifyPackage(bytes: unknown, context: VerifyContext = {}): Promise<VerifyResult> {
  return verifyGuarded(bytes, context, null);
}

/**
 * A child of a consolidated package, already parsed (strictly, as part of its parent) and
 * canonicalised: its file bytes (the canonical form of the whole child) and its signed bytes come
 * from one canonicalisation, and those bytes are not parsed again (see verifyChildren).
 */
type Prepared = { doc: JsonValue; signed: Uint8Array | null };

async function verifyGuarded(bytes: unknown, context: VerifyContext, prepared: Prepared | null): Promise<VerifyResult> {
  try {
    return await verifyInner(bytes, context, prepared);
  } catch (e) {
    // Defence in depth: nothing above should throw, but a hostile file must never crash an import.
    return result('', 'malformed', `internal error: ${e instanceof Error ? e.message : String(e)}`);
  }
}

async function verifyInner(bytes: unknown, context: VerifyContext, prepared: Prepared | null): Promise<VerifyResult> {
  if (!(bytes instanceof Uint8Array)) return result('', 'malformed', 'not bytes');
  const limits = limitsOf(context.limits);
  const hash = context.sha256;
  const bytesHash = sha256b64(bytes, hash);
  const fail = (reason: Reason, detail: string, known: Partial_ = EMPTY) => result(bytesHash, reason, detail, known);
  if (bytes.length > limits.maxConsolidatedBytes) return fail('too-large', `${bytes.length} bytes, over the ${limits.maxConsolidatedBytes} byte ceiling`);
  const oversize = bytes.length > limits.maxBytes;
  // Over maxBytes only a well-formed consolidated package with enough children may pass; anything
  // else over the limit is `too-large`, the first check it fails.
  const malformed = (detail: string, known: Partial_ = EMPTY) =>
    oversize ? fail('too-large', `${bytes.length} bytes, over ${limits.maxBytes}`, known) : fail('malformed', detail, known);

  // A canonical file (what every writer produces) also gives its signed bytes, cut out of it (json.ts).
  const parsed = prepared ? { ok: true as const, value: prepared.doc, signed: prepared.signed } : parseStrictJson(bytes, limits.maxDepth, true);
  if (!parsed.ok) return malformed(`${parsed.error} at ${parsed.at}`);
  const doc = parsed.value;
  if (!isJsonObject(doc)) return malformed('not a JSON object');
  if (doc.format !== PACKAGE_FORMAT) return malformed('format is not planbook/package');
  const kind = kindOf(doc.kind);
  const payload = doc.payload;
  const children = kind === 'consolidated' && isJsonObject(payload) && Array.isArray(payload.children) ? payload.children.length : 0;
  if (bytes.length > limits.maxBytes * (children + 1)) return fail('too-large', `${bytes.length} bytes for ${children} children`, { ...EMPTY, kind });

  // A later version may change anything, so it is told apart before the v1 schema is applied.
  if (typeof doc.formatVersion !== 'number') return fail('malformed', 'formatVersion is not a number', { ...EMPTY, kind });
  if (doc.formatVersion !== FORMAT_VERSION) return fail('unsupported-version', `formatVersion ${doc.formatVersion}`, { ...EMPTY, kind });
  const sig = doc.signature;
  if (isJsonObject(sig) && typeof sig.alg === 'string' && sig.alg !== SIGNATURE_ALG)
    return fail('unsupported-version', `signature alg ${sig.alg}`, { ...EMPTY, kind });
  if (arrayTooLong(doc, limits.maxArrayLength)) return fail('malformed', `an array is longer than ${limits.maxArrayLength}`, { ...EMPTY, kind });

  const envelope = envelopeSchema.safeParse(doc);
  if (!envelope.success || kind === null) return fail('malformed', `envelope: ${envelope.error?.issues[0]?.path.join('.') ?? 'kind'}`, { ...EMPTY, kind });
  const header = envelope.data.header as PackageHeader;
  const keyId = envelope.data.signature.keyId;
  const known: Partial_ = { ...EMPTY, kind, header, keyId };
  const payloadOk = payloadSchemas[kind].safeParse(payload);
  if (!payloadOk.success) return fail('malformed', `payload: ${payloadOk.error.issues[0]?.path.join('.') ?? ''} ${payloadOk.error.issues[0]?.message ?? ''}`, known);
  const rule = headerRuleProblem(kind, envelope.data.header, payload as JsonObject);
  if (rule) return fail('malformed', rule, known);

  // Signature: keyId must name the key, the key must be usable, the bytes must be signed by it.
  const publicKey = fromBase64url(envelope.data.signature.publicKey);
  const value = fromBase64url(envelope.data.signature.value);
  if (!publicKey || !value) return fail('malformed', 'signature encoding', known);
  if (keyIdOf(publicKey, hash) !== keyId) return fail('bad-signature', 'keyId does not match publicKey', known);
  const signed = prepared ? prepared.signed : (parsed.signed ?? signingBytes(doc));
  if (!signed) return fail('malformed', 'no canonical form', known);
  const contentHash = sha256b64(signed, hash);
  const pkg = doc as unknown as Package;
  const withPkg: Partial_ = { ...known, package: pkg, contentHash };
  const verdict = await verifyEd25519(context.native ?? null, publicKey, signed, value);
  if (!verdict.ok) return fail('bad-signature', `signature: ${verdict.why}`, withPkg);

  if (kind === 'keys') {
    const p = pkg as Package<'keys'>;
    const newKey = fromBase64url(p.payload.publicKey);
    if (!newKey || publicKeyProblem(newKey)) return fail('malformed', 'keys payload publicKey is not a usable key', withPkg);
    const expected = p.payload.replaces ?? null;
    // Self-enrolment is signed by the key it enrols; a rotation by the key it replaces.
    if (expected === null ? p.signature.publicKey !== p.payload.publicKey : keyId !== expected)
      return fail('bad-signature', expected === null ? 'enrolment not signed by the enrolled key' : 'rotation not signed by the replaced key', withPkg);
    // The new key's proof (optional): when present it must hold under the new key, same rules.
    if (p.payload.newKeySignature !== undefined) {
      const proof = fromBase64url(p.payload.newKeySignature);
      const proofBytes = rotationProofBytes(doc);
      if (!proof || !proofBytes) return fail('malformed', 'newKeySignature encoding', withPkg);
      const proved = await verifyEd25519(context.native ?? null, newKey, proofBytes, proof);
      if (!proved.ok) return fail('bad-signature', `newKeySignature: not the new key's signature (${proved.why})`, withPkg);
    }
  }

  if (context.trust) {
    const judged = explainKey(registryFor(context.trust, keyId), keyId, header.unitId, header.createdAt);
    if (judged.judgement !== 'ok') return fail(judged.judgement, `key ${keyId} for ${header.unitId}: ${judged.detail}`, withPkg);
  }
  if (context.plan && header.planId !== null) {
    if (header.planId !== context.plan.id) return fail('wrong-plan', `plan ${header.planId}, expected ${context.plan.id}`, withPkg);
    const periods = context.plan.periods;
    if (periods && header.period !== null && kind !== 'plan' && !periods.includes(header.period))
      return fail('unknown-period', `period ${header.period}`, withPkg);
  }

  let childResults: VerifyResult[] | undefined;
  if (kind === 'consolidated') {
    childResults = await verifyChildren((pkg as Package<'consolidated'>).payload.children as unknown as JsonValue[], header, context, limits);
    const bad = childResults.find((c) => c.reason !== 'ok');
    if (bad) return fail(bad.reason, `child ${bad.header?.unitId ?? '?'}: ${bad.detail}`, { ...withPkg, children: childResults });
  }
  const done: Partial_ = { ...withPkg, children: childResults };

  if (context.accepted) {
    const entries = await context.accepted.lookup({ unitId: header.unitId, planId: header.planId, period: header.period });
    const judged = judgeSequence(entries, { sequence: header.sequence, contentHash, bytesHash });
    if (judged.reason !== 'ok') return fail(judged.reason, `sequence ${header.sequence}`, done);
    return result(bytesHash, 'ok', 'accepted', done, { supersedes: judged.supersedes, flags: judged.jump ? ['sequence-jump'] : [] });
  }
  return result(bytesHash, 'ok', 'verified', done);
}

/**
 * The registry's entries for one keyId, as a registry: judgeKey reads only those, so its answer is
 * the same, but it scans every key, and a merge of 3,321 wards against 3,321 keys made that
 * 11 million comparisons. Indexed once per registry; registries are values (trust.ts returns a new
 * one for every change), and a `keys` array that changed length anyway is indexed again.
 */
function registryFor(registry: TrustRegistry, keyId: string): TrustRegistry {
  let index = trustIndexes.get(registry.keys);
  if (!index || index.size !== registry.keys.length) {
    const byKeyId = new Map<string, TrustedKey[]>();
    for (const k of registry.keys) {
      const list = byKeyId.get(k.keyId);
      if (list) list.push(k);
      else byKeyId.set(k.keyId, [k]);
    }
    index = { size: registry.keys.length, byKeyId };
    trustIndexes.set(registry.keys, index);
  }
  return { keys: index.byKeyId.get(keyId) ?? [] };
}
const trustIndexes = new WeakMap<readonly TrustedKey[], { size: number; byKeyId: Map<string, TrustedKey[]> }>();

/** Each child is re-verified as a package of its own, against the parent's plan and the same trust. */
async function verifyChildren(children: JsonValue[], parent: PackageHeader, context: VerifyContext, limits: Limits): Promise<VerifyResult[]> {
  const childContext: VerifyContext = {
    native: context.native, sha256: context.sha256, limits,
    trust: context.trust,
    plan: { id: parent.planId ?? '', periods: context.plan?.periods },
  };
  const out: VerifyResult[] = [];
  for (const child of children) {
    // The child's file is its canonical form: the same bytes for every reader, whatever whitespace
    // it had. Those bytes would parse (strictly) back to this very tree: it passed the same parser
    // inside its parent, deeper than it now stands, and canonical text adds nothing a parse refuses.
    const pair = canonicalPair(child);
    out.push(pair ? await verifyGuarded(pair.whole, childContext, { doc: child, signed: pair.signed }) : result('', 'malformed', 'child has no canonical form'));
  }
  return out;
}

/**
 * The canonical form of a whole child and of its signed part (without `signature.value`) from one
 * canonicalisation of its members: JCS of an object is its sorted members' canonical texts, so the
 * two differ only in the `signature` member. Equal to canonicalize(child) and signingBytes(child)
 * (tests/unit/core/packages/ed25519Fast.test.ts compares them on the consolidated fixtures).
 */
export function canonicalPair(child: JsonValue): { whole: Uint8Array; signed: Uint8Array | null } | null {
  const sig = isJsonObject(child) ? child.signature : undefined;
  if (!isJsonObject(child) || !isJsonObject(sig) || !Object.prototype.hasOwnProperty.call(sig, 'value')) {
    // No signature value: the signed part is the whole package.
    const c = canonicalize(child);
    if (!c.ok) return null;
    const whole = utf8Encode(c.text);
    return { whole, signed: isJsonObject(child) ? whole : null };
  }
  const keys = Object.keys(child).sort(); // UTF-16 code unit order, as canonicalize sorts
  const { value: _value, ...unsigned } = sig;
  const sigWhole = canonicalize(sig);
  const sigSigned = canonicalize(unsigned);
  if (!sigWhole.ok || !sigSigned.ok) return null;
  let whole = '{';
  let signed = '{';
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    if (hasLoneSurrogate(k)) return null;
    const name = `${i > 0 ? ',' : ''}${JSON.stringify(k)}:`;
    if (k === 'signature') {
      whole += name + sigWhole.text;
      signed += name + sigSigned.text;
    } else {
      const c = canonicalize(child[k]);
      if (!c.ok) return null;
      whole += name + c.text;
      signed += name + c.text;
    }
  }
  return { whole: utf8Encode(`${whole}}`), signed: utf8Encode(`${signed}}`) };
}
