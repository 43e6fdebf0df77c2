// A cheaper proof that an Ed25519 point lies in the prime-order subgroup, for the key checks of
// ed25519.ts. noble's isTorsionFree multiplies by L (253 doublings, ~1 ms in JavaScript); with
// 3,321 wards each signing with its own key, that was the largest cost left in a merge. Here four
// field exponentiations decide, from the Edwards y alone (no decoding, no inversion):
//   * E(F_p) is cyclic of order 8L, so 8·E(F_p) is exactly the subgroup of order L. The sign of
//     the point does not matter (-P is in the subgroup iff P is), so the Montgomery form
//     v² = u³ + A·u² + u, u = (1+y)/(1-y), is used; √-486664, the scale between the two forms, is
//     in F_p, so a point with this y exists iff u·(u² + A·u + 1) = v² is a square (step 1 below).
//     Small-order points are never proven (they are not in 8·E), nor is x = 0 (y = ±1).
//   * A point Q with u(2Q) = u satisfies u(Q) + 1/u(Q) = 2(u ± t), t = √(u² + A·u + 1); so
//     u(Q) = z + √(z² - 1) with z = u ± t. For exactly one sign z² - 1 is a square: the two values
//     multiply to (A² - 4)·u², and A² - 4 is not a square. When the first try fails, the failed
//     exponentiation c (c² = ±√-1·X) already gives the other root: √X' = u·√((A² - 4)/±√-1)·c / X.
//     u is kept as a fraction N/E (denominators only ever appear squared under a root, so they come
//     out of it). The half found is checked with the doubling formula
//     (u(Q)² - 1)² = 4·u·u(Q)·(u(Q)² + A·u(Q) + 1).
//   * The steps (provenInPrimeSubgroup): 1. v exists (W = √(N·E·g(N, E)) = E²·v); 2. u is a square,
//     i.e. P is in 2·E(F_p) (S = √(N·E); if Q = 2R, u(Q) = ((u(R)² - 1)/(2·v(R)))²; and u modulo
//     squares is a homomorphism whose kernel, 2·E(F_p), has index 2); W/S is then the t of the
//     halving, scaled; 3. one halving gives Q1 with 2·Q1 = ±P, and its v1 follows rationally from
//     the doubling formulas, checked on the curve; 4. P is in 8·E(F_p) iff Q1 is in 4·E(F_p), which
//     the reduced Tate pairing of order 4 decides with one exponentiation (below).
// So `true` rests on the checks made along the way and the theorems cited; `false` only means
// "not shown": the caller then asks noble, which decides. A wrong search can cost time, never a
// verdict. tests/unit/core/packages/ed25519Fast.test.ts checks both answers against noble in every
// coset, on values of y that are no point at all, and key by key from random bytes.

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
 * A half of the point whose u is n/e, given t = √g(n, e): the u of a rational Q with 2Q = ±(that
 * point), as a fraction, checked with the doubling formula; null when none was found.
 */
function halve(n: bigint, e: bigint, t: bigint): [bigint, bigint] | null {
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

/** √(A + 2): v of the point (1, √(A + 2)) of order 4. */
const V4 = sqrt(A + 2n);

/** a^((p-1)/4) = (a^(2^252-3))² · a: 1 exactly for the fourth powers (p ≡ 5 mod 8). */
const quartic = (a: bigint): bigint => {
  const r = powP58(a);
  return (r * r % P) * a % P;
};

/**
 * True when `y` is the Edwards coordinate of a point (with either sign of x) that is proven to lie
 * in the prime-order subgroup, so neither of small order nor undecodable; false when not proven
 * (then ask noble). y must already be below p (canonical): other values are never proven.
 * Four exponentiations (see the top of this file):
 *   1. W = √(n·e·g(n, e)) = e²·v with u = n/e: the point exists (and v = W/e² is known);
 *   2. S = √(n·e): u is a square, so P is in 2·E(F_p); and W/S = √g(n, e), scaled: the root the
 *      halving needs for (n·S, e·S), the same u;
 *   3. one halving: u1 of a rational Q1 with 2·Q1 = ±P (checked by the doubling formula), and its
 *      v1 rationally from the doubling of (u1, v1) into (u, v), checked on the curve;
 *   4. P in 8·E(F_p) iff Q1 in 4·E(F_p) (the points of order 2 are in 4·E: E(F_p) is cyclic of
 *      order 8L), iff the reduced Tate pairing t4(T4, Q1) = f(Q1)^((p-1)/4) is 1, T4 = (1, √(A+2))
 *      of order 4, f = (v - √(A+2)·u)²/u with divisor 4(T4) - 4(O) (tangent at T4 squared over the
 *      vertical at 2·T4 = (0, 0), times the tangent at (0, 0), u): 4 divides p - 1, so t4 is
 *      non-degenerate on E(F_p)[4] × E(F_p)/4·E(F_p), both cyclic of order 4 and T4 generating
 *      the first; f is normalised at O, so f(Q1) stands for f((Q1) - (O)).
 */
export function provenInPrimeSubgroup(y: bigint): boolean {
  if (y <= 0n || y >= P - 1n || y === 1n) return false;
  if (K_PLUS === null || K_MINUS === null || V4 === null) return false;
  const n = mod(1n + y);
  const e = mod(1n - y);
  const ne = n * e % P;
  const w = sqrt(ne * g(n, e) % P);
  if (w === null || w === 0n) return false; // no such point (or v = 0: order 2)
  const s = sqrt(ne);
  if (s === null || s === 0n) return false; // not in 2·E(F_p)
  const half = halve(n * s % P, e * s % P, w);
  if (half === null) return false;
  const [n1, e1] = half;
  // v1 = (u1³ - u1 - u·(3u1² + 2A·u1 + 1)) / (2v), over the common denominators.
  const e1s = e1 * e1 % P;
  const n1s = n1 * n1 % P;
  const num = mod(e * (n1s * n1 % P - n1 * e1s % P) - n * ((3n * n1s % P) * e1 % P + (2n * A * n1 % P) * e1s % P + e1s * e1 % P));
  const vn = num * e % P;
  const vd = (2n * w % P) * (e1s * e1 % P) % P;
  if (vd === 0n) return false;
  // (u1, v1) on the curve: vn²·e1³ = vd²·(n1³ + A·n1²·e1 + n1·e1²).
  const curve = mod(n1s * n1 + (A * n1s % P) * e1 + n1 * e1s);
  if ((vn * vn % P) * (e1s * e1 % P) % P !== (vd * vd % P) * curve % P) return false;
  // f(Q1) = (vn·e1 - V4·n1·vd)² / (vd²·e1·n1); a quotient a/b has the quartic character of a·b³.
  const m = mod(vn * e1 - (V4 * n1 % P) * vd);
  const b = (vd * vd % P) * (e1 * n1 % P) % P;
  if (m === 0n || b === 0n) return false;
  return quartic((m * m % P) * (b * b % P * b % P) % P) === 1n;
}
