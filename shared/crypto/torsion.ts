// A cheaper proof that an Ed25519 point lies in the prime-order subgroup, for the key checks of
// ed25519.ts. noble's isTorsionFree multiplies by L (253 doublings, ~1 ms in JavaScript); with
// 3,321 wards each signing with its own key, that was the largest cost left in a merge. Here the
// point is halved twice and its half's half tested for being a double (two exponentiations per
// halving, one for each square test, none for decoding, no inversion):
//   * E(F_p) has order 8L, so 8·E(F_p) is exactly the subgroup of order L: a point P is in it
//     iff some rational S has 8S = P. Exhibiting S is the proof; the sign of P does not matter
//     (-P is in the subgroup iff P is), so only Montgomery u-coordinates are needed.
//   * On Curve25519 (v² = u³ + A·u² + u, u = (1+y)/(1-y) from the Edwards y), a point Q with
//     u(2Q) = u satisfies u(Q) + 1/u(Q) = 2(u ± t), t = √(u² + A·u + 1); so u(Q) = z + √(z² - 1)
//     with z = u ± t. For exactly one sign z² - 1 is a square: the two values multiply to
//     (A² - 4)·u², and A² - 4 is not a square. When the first try fails, the failed exponentiation
//     c (c² = ±√-1·X) already gives the other root: √X' = u·√((A² - 4)/±√-1)·c / X.
//   * u is kept as a fraction N/E (denominators only ever appear squared under a root, so they
//     come out of it): no inversion anywhere.
//   * Each half found is checked with the doubling formula (u(Q)² - 1)² = 4·u·u(Q)·(u(Q)² + A·u(Q) + 1).
//     A u(Q) in F_p that passes belongs to a rational point, not to the quadratic twist: a twist
//     point doubles to a twist point, and u (of a rational point with v != 0) is not a twist u.
//   * Only two halvings are searched for: the third step only asks whether the second half Q is
//     in 2·E(F_p), and that is whether u(Q) is a square (one exponentiation instead of two). If
//     Q = 2R, u(Q) = ((u(R)² - 1)/(2·v(R)))² is a square. Conversely, P -> u(P) modulo squares is a
//     homomorphism E(F_p) -> F_p*/F_p*² (2-isogeny descent, Silverman X.4.9, (0,0) -> 1) whose
//     kernel contains 2·E(F_p), of index 2 (E(F_p) is cyclic of order 8L); the points of order 8
//     have a non-square u, so the kernel is exactly 2·E(F_p).
//   * The point need not be decoded first (noble's decoding and small-order test cost a third of
//     the check): a point with this y exists iff u·(u² + A·u + 1) is a square (v² of the Montgomery
//     form; √-486664, the scale between the two forms, is in F_p); the first halving finds the
//     root of the second factor, so one more test that u is a square shows the point is rational.
//     Small-order points never pass (they are not in 8·E), nor does x = 0 (y = ±1).
// So `true` is a proof of the theorems above whatever the search; `false` only means "not shown":
// the caller then asks noble, which decides. A wrong search can cost time, never a verdict.
// tests/unit/core/packages/ed25519Fast.test.ts checks both answers against noble in every coset,
// and on values of y that are no point at all.

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

const g = (n: bigint, e: bigint): bigint => mod(n * n + A * n % P * e + e * e);

/** √((A² - 4)/√-1) and √((A² - 4)/-√-1): both exist (a non-square over a non-square). */
const K_PLUS = sqrt(mod((A * A - 4n) * invert(SQRT_M1)));
const K_MINUS = sqrt(mod((A * A - 4n) * invert(mod(-SQRT_M1))));

/** 1/a = a^(p-2) = (a^(2^252-3))^8 · a^3; only for the constants above. */
function invert(a: bigint): bigint {
  return (pow2k(powP58(a), 3) * ((a * a % P) * a % P)) % P;
}

/**
 * A half of the point whose u is n/e: the u of a rational Q with 2Q = ±(that point), as a fraction,
 * checked with the doubling formula; null when none was found.
 */
function halve(n: bigint, e: bigint): [bigint, bigint] | null {
  const t = sqrt(g(n, e));
  if (t === null) return null;
  const a = mod(n + t);
  const x = mod(a * a - e * e);
  const c = (x * powP58(x)) % P; // x^((p+3)/8)
  const c2 = (c * c) % P;
  let half: [bigint, bigint] | null = null;
  if (c2 === x) half = [mod(a + c), e];
  else if (c2 === mod(-x)) half = [mod(a + c * SQRT_M1), e]; // a square too: its root is c·√-1
  else {
    // x is not a square: c² = ±√-1·x, and the other sign's root follows without a new exponentiation.
    const k = c2 === (SQRT_M1 * x) % P ? K_PLUS : c2 === mod(-SQRT_M1 * x) ? K_MINUS : null;
    if (k === null) return null;
    const b = mod(n - t);
    half = [mod(b * x + n * e % P * c % P * k), (e * x) % P];
  }
  const [n2, e2] = half;
  // (h² - 1)² = 4·u·h·g(h) with u = n/e, h = n2/e2, multiplied out: (n2² - e2²)²·e = 4·n·n2·g(n2, e2)·e2.
  const lhs = mod(n2 * n2 - e2 * e2);
  if (n2 === 0n || e2 === 0n || (lhs * lhs % P) * e % P !== (4n * n % P * n2 % P * g(n2, e2) % P * e2) % P) return null;
  return half;
}

/** True when a is a square mod p (0 included): the root candidate of `sqrt` squares to ±a. */
function isSquare(a: bigint): boolean {
  return sqrt(mod(a)) !== null;
}

/**
 * True when `y` is the Edwards coordinate of a point (with either sign of x) that is proven to lie
 * in the prime-order subgroup, so neither of small order nor undecodable; false when not proven
 * (then ask noble). y must already be below p (canonical): other values are never proven.
 */
export function provenInPrimeSubgroup(y: bigint): boolean {
  if (y <= 0n || y >= P - 1n || y === 1n) return false; // small order or out of range: not for this proof
  if (K_PLUS === null || K_MINUS === null) return false; // cannot happen (see above); noble decides then
  const u: [bigint, bigint] = [mod(1n + y), mod(1n - y)];
  const q1 = halve(u[0], u[1]); // also: u² + A·u + 1 is a square
  if (q1 === null || !isSquare(u[0] * u[1])) return false; // u a square too: the point exists (see the top)
  const q2 = halve(q1[0], q1[1]);
  // 4·Q2 = ±P, and u(Q2) a square puts Q2 in 2·E(F_p): P in 8·E(F_p).
  return q2 !== null && isSquare(q2[0] * q2[1]);
}
