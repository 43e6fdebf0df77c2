// planbook keygen --unit ID --out DIR: DIR/ID.key (the seed, encrypted with the passphrase) and
// DIR/ID.keys.json (a self-enrolment `keys` package, signed by the new key, for the consolidating
// unit to accept after comparing the fingerprint over the phone).
// With --rotate OLDKEYFILE: the new key replaces the unit's key in OLDKEYFILE. DIR/ID.keys.json is
// then a rotation signed by the old key and by the new key (payload.newKeySignature), which a
// consolidating unit trusting the old key applies without a fingerprint. The passphrase opens the
// old key file and protects the new one; DIR must not already hold ID.key (keep the old file apart).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatFingerprint, keyIdOf } from '../../../shared/crypto/hash';
import { randomSecretKey } from '../../../shared/crypto/ed25519';
import { toBase64url } from '../../../shared/crypto/encoding';
import { buildKeysPackage, parseStrictJson, secretKeySigner, signPackage, signRotation } from '../../../shared/packages';
import { decryptKey, encryptKey } from '../keyfile';
import { passphrase, readInput } from '../io';
import { verifyBytes } from '../rows';
import { APP } from '../version';
import { EXIT, UsageError, requireOption, stringOption, type Command, type CommandResult } from '../types';

/** A unit id becomes a file name: no separators, no leading dot. */
const SAFE_UNIT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/u;

const reject = (json: Record<string, unknown>, text: string): CommandResult => ({ exitCode: EXIT.rejected, json, text });

export const keygenCommand: Command = {
  name: 'keygen',
  summary: "create a unit's Ed25519 key and its self-enrolment package (or, with --rotate, its rotation)",
  usage: 'planbook keygen --unit ID --out DIR [--rotate OLDKEYFILE [--sequence N]] [--json]   (passphrase: PLANBOOK_PASSPHRASE or prompt)',
  options: { unit: { type: 'string' }, out: { type: 'string' }, rotate: { type: 'string' }, sequence: { type: 'string' } },
  async run(ctx) {
    if (ctx.positionals.length > 0) throw new UsageError('keygen takes no positional arguments');
    const unitId = requireOption(ctx, 'unit');
    if (!SAFE_UNIT.test(unitId)) throw new UsageError(`--unit ${unitId}: letters, digits, '.', '_' and '-' only`);
    const dir = resolve(ctx.cwd, requireOption(ctx, 'out'));
    const rotate = stringOption(ctx, 'rotate');
    const seqText = stringOption(ctx, 'sequence');
    if (seqText !== undefined && rotate === undefined) throw new UsageError('--sequence goes with --rotate');
    // The enrolment is the unit's keys package 1; a rotation is 2 unless told (the next after the last one sent).
    const sequence = seqText === undefined ? (rotate === undefined ? 1 : 2) : Number(seqText);
    if (!Number.isSafeInteger(sequence) || sequence < 1) throw new UsageError(`--sequence ${seqText ?? ''}: a whole number from 1`);
    const keyFile = join(dir, `${unitId}.key`);
    const keysFile = join(dir, `${unitId}.keys.json`);
    if (existsSync(keyFile)) {
      return reject({ error: 'exists', file: keyFile }, `${keyFile} exists: refusing to overwrite a key`);
    }
    const oldBytes = rotate === undefined ? null : readInput(ctx, rotate);
    const secret = randomSecretKey();
    const pass = await passphrase(ctx, rotate === undefined ? `Passphrase for ${unitId}.key: ` : `Passphrase for ${rotate} (kept for the new ${unitId}.key): `);
    const now = new Date().toISOString().replace(/\.\d{3}Z$/u, 'Z');
    const signer = secretKeySigner(secret);
    let replaces: string | null = null;
    let signed: Awaited<ReturnType<typeof signPackage<'keys'>>>;
    if (oldBytes === null) {
      signed = await signPackage(buildKeysPackage({ unitId, sequence, createdAt: now, validFrom: now, publicKey: signer.publicKey, app: APP }), signer);
    } else {
      const doc = parseStrictJson(oldBytes);
      const old = doc.ok ? decryptKey(doc.value, pass) : { ok: false as const, error: 'not-a-key-file' as const };
      if (!old.ok) return reject({ error: old.error, file: rotate }, `${rotate}: ${old.error}`);
      if (old.key.unitId !== unitId) return reject({ error: 'wrong-unit', file: rotate }, `${rotate} is ${old.key.unitId}'s key, not ${unitId}'s`);
      replaces = old.key.keyId;
      const unsigned = buildKeysPackage({ unitId, sequence, createdAt: now, validFrom: now, publicKey: signer.publicKey, replaces, app: APP });
      signed = await signRotation(unsigned, secretKeySigner(old.key.secretKey), signer);
      old.key.secretKey.fill(0);
    }
    if (!signed.ok) throw new Error(`signing failed: ${signed.error}`);
    const check = await verifyBytes(signed.bytes, undefined);
    if (check.reason !== 'ok') throw new Error(`the keys package would be refused: ${check.reason} (${check.detail})`); // a bug, not input
    mkdirSync(dir, { recursive: true });
    writeFileSync(keyFile, `${JSON.stringify(encryptKey(secret, unitId, pass), null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    writeFileSync(keysFile, signed.bytes);
    const keyId = keyIdOf(signer.publicKey);
    const json = { unitId, keyId, fingerprint: formatFingerprint(keyId), publicKey: toBase64url(signer.publicKey), keyFile, keysFile, replaces };
    const what = replaces === null ? 'Enrolment: ' : `Rotation (replaces ${formatFingerprint(replaces)}): `;
    return { exitCode: EXIT.ok, json, text: `Key for ${unitId}\nFingerprint: ${json.fingerprint}\nPrivate key: ${keyFile}\n${what}${keysFile}` };
  },
};
