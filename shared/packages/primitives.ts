// The primitives shared/packages uses from shared/crypto, in one place.
export { fromBase64url, toBase64url } from '../crypto/encoding';
export { publicKeyOf, publicKeyProblem, signWithSecretKey, verifyEd25519, type Ed25519Native } from '../crypto/ed25519';
export { keyIdOf, normaliseFingerprint, sha256b64, type Sha256 } from '../crypto/hash';
export { canonicalize, hasLoneSurrogate, type JsonValue } from '../crypto/jcs';
export { utf8DecodeStrict, utf8Encode } from '../crypto/text';
