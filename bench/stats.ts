/** Small statistics for the benchmarks: medians with ranges, and growth fits. */

/** Median of a non-empty list (mean of the two middle values for an even count). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error("median of an empty list");
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Median, minimum and maximum of a non-empty list. */
export interface Summary {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly n: number;
}

/** {@link Summary} of a non-empty list. */
export function summarize(xs: readonly number[]): Summary {
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length };
}

/** A least-squares line y = intercept + slope · x, with its coefficient of determination. */
export interface LinearFit {
  readonly slope: number;
  readonly intercept: number;
  /** R²: 1 for a perfect fit. */
  readonly r2: number;
}

/** Least-squares fit of y = a + b·x over at least two points with distinct x. */
export function linearFit(xs: readonly number[], ys: readonly number[]): LinearFit {
  if (xs.length !== ys.length || xs.length < 2) throw new Error("linearFit needs at least two (x, y) pairs");
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i] - mx) ** 2;
    sxy += (xs[i] - mx) * (ys[i] - my);
    syy += (ys[i] - my) ** 2;
  }
  if (sxx === 0) throw new Error("linearFit needs at least two distinct x values");
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const r2 = syy === 0 ? 1 : (sxy * sxy) / (sxx * syy);
  return { slope, intercept, r2 };
}

/**
 * Growth exponent k of y ≈ c · x^k, from a least-squares line through (log x, log y); k = 1 is
 * linear growth, 2 quadratic. Every x and y must be positive.
 */
export function growthExponent(xs: readonly number[], ys: readonly number[]): LinearFit {
  if ([...xs, ...ys].some((v) => !(v > 0))) throw new Error("growthExponent needs positive values");
  return linearFit(
    xs.map((x) => Math.log(x)),
    ys.map((y) => Math.log(y)),
  );
}
