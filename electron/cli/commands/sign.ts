// planbook sign FILE --key KEYFILE [--out F]: signs a package that has no signature or no
// signature.value. The result is verified before it is written: a package that would be refused
// (schema, another unit's key) is never produced.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatFingerprint } from '../../../shared/crypto/hash';
import { isJsonObject, parseStrictJson, secretKeySigner, signPackage, type UnsignedPackage } from '../../../shared/packages';
import { decryptKey } from '../keyfile';
import { passphrase, readInput } from '../io';
import { verifyBytes } from '../rows';
import { EXIT, UsageError, requireOption, stringOption, type Command, type CommandResult } from '../types';

const reject = (error: string, text: string): CommandResult => ({ exitCode: EXIT.rejected, json: { error }, text });

export const signCommand: Command = {
  name: 'sign',
  summary: 'sign an unsigned package with a key file',
  usage: 'planbook sign FILE --key KEYFILE [--out F] [--json]',
  options: { key: { type: 'string' }, out: { type: 'string' } },
  async run(ctx) {
    if (ctx.positionals.length !== 1) throw new UsageError('sign takes exactly one FILE');
    const file = ctx.positionals[0]!;
    const bytes = readInput(ctx, file);
    const keyPath = requireOption(ctx, 'key');
    const keyBytes = readInput(ctx, keyPath);
    const out = stringOption(ctx, 'out');

    const parsed = parseStrictJson(bytes);
    if (!parsed.ok || !isJsonObject(parsed.value)) return reject('malformed', `${file}: not strict JSON`);
    const doc = parsed.value;
    const sig = doc.signature;
    if (sig !== undefined && !(isJsonObject(sig) && sig.value === undefined))
      return reject('already-signed', `${file}: already has a signature value`);
    const keyDoc = parseStrictJson(keyBytes);
    if (!keyDoc.ok) return reject('not-a-key-file', `${keyPath}: not a key file`);
    const unlocked = decryptKey(keyDoc.value, await passphrase(ctx, `Passphrase for ${keyPath}: `));
    if (!unlocked.ok) return reject(unlocked.error, `${keyPath}: ${unlocked.error}`);
    const header = doc.header;
    if (!isJsonObject(header) || header.unitId !== unlocked.key.unitId)
      return reject('wrong-unit', `the key is ${unlocked.key.unitId}'s; the package names another unit`);

    const signed = await signPackage(doc as unknown as UnsignedPackage, secretKeySigner(unlocked.key.secretKey));
    if (!signed.ok) return reject(signed.error, `cannot sign: ${signed.error}`);
    const check = await verifyBytes(signed.bytes, undefined);
    if (check.reason !== 'ok') return reject(check.reason, `the signed package would be refused: ${check.reason} (${check.detail})`);
    const summary = { file, out: out ?? null, reason: check.reason, kind: check.kind, unitId: unlocked.key.unitId, keyId: unlocked.key.keyId, fingerprint: formatFingerprint(unlocked.key.keyId) };
    if (out === undefined) return { exitCode: EXIT.ok, json: signed.package, text: '', raw: signed.bytes };
    writeFileSync(resolve(ctx.cwd, out), signed.bytes);
    return { exitCode: EXIT.ok, json: summary, text: `Signed ${file} -> ${out} (key ${summary.fingerprint})` };
  },
};
