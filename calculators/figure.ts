/**
 * A derived number with the working that produced it, so a reader can check every figure by hand.
 */
export interface Figure {
  value: number;
  unit: string;
  /** The rule, in words and symbols: "ceil(peak req/s ÷ effective req/s per pod)". */
  formula: string;
  /** The rule with this plan's numbers substituted: "ceil(16,666.67 ÷ 587.91) = ceil(28.35) = 29". */
  working: string;
}

export function figure(value: number, unit: string, formula: string, working: string): Figure {
  return { value, unit, formula, working };
}

/** Floating-point noise must not push an exact quotient (100,000 × 75 / 60,000 = 125) to the next integer. */
const CEIL_TOLERANCE = 1e-9;

export function ceilExact(x: number): number {
  return Math.ceil(x - CEIL_TOLERANCE);
}

const numberFormats = new Map<number, Intl.NumberFormat>();

/** "16,666.67": thousands separators and at most `digits` decimals, trailing zeros dropped. */
export function fmt(x: number, digits = 2): string {
  let format = numberFormats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits });
    numberFormats.set(digits, format);
  }
  return format.format(x);
}
