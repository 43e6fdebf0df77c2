// planbook keygen --unit ID --out DIR: DIR/ID.key (the seed, encrypted with the passphrase) and
// DIR/ID.keys.json (a self-enrolment `keys` package, signed by the new key, for the consolidating
// unit to accept after comparing the fingerprint over the phone).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatFingerprint } from '../../../shared/crypto/hash';
import { randomSecretKey } from '../../../shared/crypto/ed25519';
import { toBase64url } from '../../../shared/crypto/encoding';
import { buildKeysPackage, secretKeySigner, signPackage } from '../../../shared/packages';
import { encryptKey } from '../keyfile';
import { passphrase } from '../io';
import { APP } from '../version';
import { EXIT, UsageError, requireOption, type Command } from '../types';

/** A unit id becomes a file name: no separators, no leading dot. */
const SAFE_UNIT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/u;

export const keygenCommand: Command = {
  name: 'keygen',
  summary: "create a unit's Ed25519 key and its self-enrolment package",
  usage: 'planbook keygen --unit ID --out DIR [--json]   (passphrase: PLANBOOK_PASSPHRASE or prompt)',
  options: { unit: { type: 'string' }, out: { type: 'string' } },
  async run(ctx) {
    if (ctx.positionals.length > 0) throw new UsageError('keygen takes no positional arguments');
    const unitId = requireOption(ctx, 'unit');
    if (!SAFE_UNIT.test(unitId)) throw new UsageError(`--unit ${unitId}: letters, digits, '.', '_' and '-' only`);
    const dir = resolve(ctx.cwd, requireOption(ctx, 'out'));
    const keyFile = join(dir, `${unitId}.key`);
    const keysFile = join(dir, `${unitId}.keys.json`);
    if (existsSync(keyFile)) {
      return { exitCode: EXIT.rejected, json: { error: 'exists', file: keyFile }, text: `${keyFile} exists: refusing to overwrite a key` };
    }
    const secret = randomSecretKey();
    const pass = await passphrase(ctx, `Passphrase for ${unitId}.key: `);
    const now = new Date().toISOString().replace(/\.\d{3}Z$/u, 'Z');
    const signer = secretKeySigner(secret);
    const signed = await signPackage(buildKeysPackage({ unitId, sequence: 1, createdAt: now, validFrom: now, publicKey: signer.publicKey, app: APP }), signer);
    if (!signed.ok) throw new Error(`signing failed: ${signed.error}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(keyFile, `${JSON.stringify(encryptKey(secret, unitId, pass), null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    writeFileSync(keysFile, signed.bytes);
    const keyId = signed.package.signature.keyId;
    const json = { unitId, keyId, fingerprint: formatFingerprint(keyId), publicKey: toBase64url(signer.publicKey), keyFile, keysFile };
    return { exitCode: EXIT.ok, json, text: `Key for ${unitId}\nFingerprint: ${json.fingerprint}\nPrivate key: ${keyFile}\nEnrolment:   ${keysFile}` };
  },
};
