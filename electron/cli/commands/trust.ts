// planbook trust add TRUST.json KEYS.json --fingerprint FP: the officer's explicit act of trust.
// The keys package must verify, and FP (read over the phone, spaces and case free) must be the
// fingerprint of the key being enrolled: payload.publicKey, i.e. the NEW key of a rotation, never
// the signing key. A rotation additionally needs its old key trusted for the same unit; the old
// key is then revoked from the new key's validFrom. A rotation that carries the new key's own
// signature (payload.newKeySignature, verified) may omit --fingerprint: both keys vouch for it, as
// the app applies it by itself; without that proof the fingerprint is required, as for an
// enrolment. TRUST.json is created when missing and written atomically (temp file + rename).
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fromBase64url } from '../../../shared/crypto/encoding';
import { formatFingerprint, keyIdOf, normaliseFingerprint } from '../../../shared/crypto/hash';
import type { UnitId } from '../../../shared/model/ids';
import { addKey, applyRotation, emptyTrust, serializeTrust, trustErrorMessage, type Package } from '../../../shared/packages';
import { loadTrust, verifyBytes } from '../rows';
import { readInput } from '../io';
import { EXIT, UsageError, stringOption, type Command, type CommandResult } from '../types';

const reject = (json: Record<string, unknown>, text: string): CommandResult => ({ exitCode: EXIT.rejected, json, text });

export const trustCommand: Command = {
  name: 'trust',
  summary: 'trust add: accept a unit key after comparing its fingerprint',
  usage: 'planbook trust add TRUST.json KEYS.json --fingerprint FP [--json]   (a rotation signed by both keys may omit --fingerprint)',
  options: { fingerprint: { type: 'string' } },
  async run(ctx) {
    const [sub, trustFile, keysFile, ...rest] = ctx.positionals;
    if (sub !== 'add' || !trustFile || !keysFile || rest.length > 0) throw new UsageError('usage: planbook trust add TRUST.json KEYS.json --fingerprint FP');
    const given = stringOption(ctx, 'fingerprint');
    const typed = given === undefined || given === '' ? null : normaliseFingerprint(given);
    const trustPath = resolve(ctx.cwd, trustFile);
    const registry = existsSync(trustPath) ? loadTrust(ctx, trustFile)! : emptyTrust();
    const bytes = readInput(ctx, keysFile);

    const verified = await verifyBytes(bytes, undefined);
    if (verified.reason !== 'ok') return reject({ reason: verified.reason, error: 'not-verified' }, `${keysFile}: ${verified.reason} (${verified.detail})`);
    if (verified.kind !== 'keys' || !verified.package) return reject({ reason: 'ok', error: 'not-a-keys-package' }, `${keysFile} is a ${verified.kind} package, not keys`);
    const pkg = verified.package as Package<'keys'>;
    const newKey = fromBase64url(pkg.payload.publicKey)!;
    const keyId = keyIdOf(newKey);
    const proven = Boolean(pkg.payload.replaces) && pkg.payload.newKeySignature !== undefined;
    if (typed === null && !proven) throw new UsageError('--fingerprint is required (only a rotation signed by the new key too may omit it)');
    if (typed !== null && typed !== keyId) return reject({ reason: 'ok', error: 'fingerprint-mismatch', keyId, fingerprint: formatFingerprint(keyId) }, `fingerprint does not match: the package's key is ${formatFingerprint(keyId)}`);

    const at = new Date().toISOString();
    const change = pkg.payload.replaces
      ? applyRotation(registry, pkg.payload, pkg.signature.keyId, at, proven ? { by: 'proof' } : { by: 'officer', typed })
      : addKey(registry, { unitId: pkg.payload.unitId as UnitId, publicKey: pkg.payload.publicKey, validFrom: pkg.payload.validFrom, revokedAt: null, source: 'enrolment', addedAt: at });
    if (!change.ok) return reject({ reason: 'ok', error: change.error }, `not added: ${trustErrorMessage(change.error, 'en')} (${change.error})`);
    const already = change.registry === registry;
    if (!already) {
      const tmp = `${trustPath}.tmp-${process.pid}`;
      writeFileSync(tmp, serializeTrust(change.registry));
      renameSync(tmp, trustPath);
    }
    const json = {
      result: already ? 'already-trusted' : pkg.payload.replaces ? 'rotated' : 'added', unitId: pkg.payload.unitId, keyId, fingerprint: formatFingerprint(keyId), trust: trustPath,
      // How the new key was vouched for: its own signature in the package, or the typed fingerprint.
      confirmedBy: proven ? 'new-key-signature' : 'fingerprint',
    };
    return { exitCode: EXIT.ok, json, text: `${json.result}: ${json.unitId} ${json.fingerprint}` };
  },
};
