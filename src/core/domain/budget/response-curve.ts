/**
 * Diminishing returns of ad spend: attributed revenue R = a · S^b with 0 < b ≤ 1, fitted per
 * platform by least squares on log R = log a + b · log S over weekly totals. Weekly, because
 * daily attributed revenue of a small account is mostly zeros and attribution windows smear
 * a sale over days. The marginal return, dR/dS = a · b · S^(b−1), is what the next dollar
 * brings; a budget is split well when the next dollar earns about the same everywhere. Pure.
 */

/** A fitted curve. */
export interface ResponseCurve {
  a: number;
  b: number;
  /** Points the fit used and how well it explains them (R² in log space). */
  points: number;
  r2: number;
  /** Highest weekly spend observed: the curve is not trusted far beyond it. */
  maxSpend: number;
  /** "fit" when fitted; "assumed" when b was assumed and a set through the average point. */
  kind: 'fit' | 'assumed';
}

/** Fewest weekly points, and smallest spread of spend (max ÷ min), for a fit. */
export const MIN_POINTS = 6;
export const MIN_SPREAD = 1.3;
/** Elasticity assumed when a curve cannot be fitted (typical of search ads). */
export const ASSUMED_B = 0.6;

/** Fits R = a·S^b to (spend, revenue) points; null when there is too little to go on. */
export function fitResponseCurve(points: ReadonlyArray<{ spend: number; revenue: number }>): ResponseCurve | null {
  const usable = points.filter((p) => p.spend > 0 && p.revenue > 0);
  const spends = usable.map((p) => p.spend);
  const maxSpend = Math.max(0, ...points.map((p) => p.spend));
  if (usable.length < MIN_POINTS || Math.max(...spends) / Math.min(...spends) < MIN_SPREAD) {
    return assumedCurve(points);
  }
  const xs = usable.map((p) => Math.log(p.spend));
  const ys = usable.map((p) => Math.log(p.revenue));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  xs.forEach((x, i) => {
    sxx += (x - mx) ** 2;
    sxy += (x - mx) * ((ys[i] as number) - my);
    syy += ((ys[i] as number) - my) ** 2;
  });
  // Outside (0.1, 1] the fit is noise (more spend cannot lose revenue, nor return more than
  // proportionally for long); clamp and set a through the mean point.
  const b = Math.min(1, Math.max(0.1, sxy / sxx));
  const a = Math.exp(my - b * mx);
  const r2 = syy > 0 ? Math.max(0, 1 - ys.reduce((acc, y, i) => acc + (y - (Math.log(a) + b * (xs[i] as number))) ** 2, 0) / syy) : 0;
  return { a, b, points: usable.length, r2, maxSpend, kind: 'fit' };
}

/** A curve with the assumed elasticity through the average point; null without revenue. */
export function assumedCurve(points: ReadonlyArray<{ spend: number; revenue: number }>): ResponseCurve | null {
  const spend = points.reduce((a, p) => a + p.spend, 0);
  const revenue = points.reduce((a, p) => a + p.revenue, 0);
  if (spend <= 0 || revenue <= 0) return null;
  const avgSpend = spend / points.length;
  const avgRevenue = revenue / points.length;
  const a = avgRevenue / avgSpend ** ASSUMED_B;
  return { a, b: ASSUMED_B, points: points.length, r2: 0, maxSpend: Math.max(...points.map((p) => p.spend)), kind: 'assumed' };
}

/** Revenue the curve expects at `spend`. */
export function revenueAt(c: ResponseCurve, spend: number): number {
  return spend > 0 ? c.a * spend ** c.b : 0;
}

/** Revenue the next unit of money brings at `spend`. */
export function marginalReturn(c: ResponseCurve, spend: number): number {
  return c.a * c.b * Math.max(spend, 1e-6) ** (c.b - 1);
}
