// The one door from shared/packages to shared/crypto. eslint.config.js forbids imports matching
// the pattern `crypto` in shared/ (meant for Node's built-in module); gitignore-style patterns also
// match our own pure `shared/crypto/` folder, so the rule is lifted here only, for relative paths.
/* eslint-disable no-restricted-imports */
export { fromBase64url, toBase64url } from '../crypto/encoding';
export { publicKeyOf, publicKeyProblem, signWithSecretKey, verifyEd25519, type Ed25519Native } from '../crypto/ed25519';
export { keyIdOf, sha256b64 } from '../crypto/hash';
export { canonicalize, hasLoneSurrogate, type JsonValue } from '../crypto/jcs';
export { utf8DecodeStrict, utf8Encode } from '../crypto/text';
