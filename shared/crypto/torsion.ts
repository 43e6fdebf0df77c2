// A cheaper proof that an Ed25519 point lies in the prime-order subgroup, for the key checks of
// ed25519.ts. noble's isTorsionFree multiplies by L (253 doublings, ~1 ms in JavaScript); with
// 3,321 wards each signing with its own key, that was the largest cost left in a merge. Here the
// point is halved three times instead (about 7 square roots, ~0.3 ms):
//   * E(F_p) has order 8L, so 8·E(F_p) is exactly the subgroup of order L: a point P is in it
//     iff some rational S has 8S = P. Exhibiting S is the proof; the sign of P does not matter
//     (-P is in the subgroup iff P is), so only Montgomery u-coordinates are needed.
//   * On Curve25519 (v² = u³ + A·u² + u, u = (1+y)/(1-y) from the Edwards y), a point Q with
//     u(2Q) = u satisfies u(Q) + 1/u(Q) = 2(u ± t), t = √(u² + A·u + 1); so u(Q) = z + √(z² - 1)
//     with z = u ± t.
//   * Each half found is checked with the doubling formula (u(Q)² - 1)² = 4·u·u(Q)·(u(Q)² + A·u(Q) + 1).
//     A u(Q) in F_p that passes belongs to a rational point, not to the quadratic twist: a twist
//     point doubles to a twist point, and u (of a rational point with v != 0) is not a twist u.
// So `true` is a proof whatever the reasoning behind the search; `false` only means "not shown":
// the caller then asks noble, which decides. A wrong search can cost time, never a verdict.
// tests/unit/core/packages/ed25519Fast.test.ts checks both answers against noble in every coset.

const P = (1n << 255n) - 19n;
const A = 486662n;
/** √-1 mod p, for square roots when p ≡ 5 (mod 8). */
const SQRT_M1 = 19681161376707505956807079304988542015446066515923890162744021073123829784752n;

const mod = (a: bigint): bigint => {
  const r = a % P;
  return r < 0n ? r + P : r;
};

const LOW = (1n << 255n) - 1n;

/**
 * x^(2^k). Reduced with 2^255 = 19 (mod p) rather than `%`: two folds leave a value below
 * 2^255 + 2^20, good enough to square again; about a quarter faster. Fully reduced at the end.
 */
function pow2k(x: bigint, k: number): bigint {
  let r = x;
  for (let i = 0; i < k; i++) {
    r *= r;
    r = (r & LOW) + 19n * (r >> 255n);
    r = (r & LOW) + 19n * (r >> 255n);
  }
  return r % P;
}

/** x^((p-5)/8) = x^(2^252 - 3), by the addition chain of ref10 (254 squarings, 11 multiplications). */
function powP58(x: bigint): bigint {
  const x2 = (x * x) % P;
  const b2 = (x2 * x) % P;
  const b4 = (pow2k(b2, 2) * b2) % P;
  const b5 = (pow2k(b4, 1) * x) % P;
  const b10 = (pow2k(b5, 5) * b5) % P;
  const b20 = (pow2k(b10, 10) * b10) % P;
  const b40 = (pow2k(b20, 20) * b20) % P;
  const b80 = (pow2k(b40, 40) * b40) % P;
  const b160 = (pow2k(b80, 80) * b80) % P;
  const b240 = (pow2k(b160, 80) * b80) % P;
  const b250 = (pow2k(b240, 10) * b10) % P;
  return (pow2k(b250, 2) * x) % P;
}

/** A square root mod p, or null when `a` has none. Every root returned is checked by squaring. */
function sqrt(a: bigint): bigint | null {
  const c = (a * powP58(a)) % P; // a^((p+3)/8)
  const c2 = (c * c) % P;
  if (c2 === a) return c;
  if (c2 === mod(-a)) return (c * SQRT_M1) % P;
  return null;
}

/** 1/a = a^(p-2) = (a^(2^252-3))^8 · a^3. */
function invert(a: bigint): bigint {
  return (pow2k(powP58(a), 3) * ((a * a % P) * a % P)) % P;
}

const g = (u: bigint): bigint => mod(u * u + A * u + 1n);

/** The u of a rational Q with 2Q = ±(the point of u), or null when none was found. */
function halve(u: bigint): bigint | null {
  const t = sqrt(g(u));
  if (t === null) return null;
  for (const z of [mod(u + t), mod(u - t)]) {
    const s = sqrt(mod(z * z - 1n));
    if (s === null) continue;
    const h = mod(z + s);
    const h2m1 = mod(h * h - 1n);
    if (h !== 0n && (h2m1 * h2m1) % P === mod(4n * u % P * h % P * g(h))) return h;
  }
  return null;
}

/**
 * True when the point with Edwards coordinate `y` (a decoded point that is not of small order) is
 * proven to lie in the prime-order subgroup; false when not proven (then ask noble).
 */
export function provenInPrimeSubgroup(y: bigint): boolean {
  if (y <= 0n || y >= P - 1n || y === 1n) return false; // small order or out of range: not for this proof
  let u = mod((1n + y) * invert(mod(1n - y)));
  for (let i = 0; i < 3; i++) {
    const h = halve(u);
    if (h === null) return false;
    u = h;
  }
  return true;
}
