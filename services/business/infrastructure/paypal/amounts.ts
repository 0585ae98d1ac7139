/** PayPal's currencies without a minor unit: their amounts are sent as whole numbers. */
const ZERO_DECIMAL = new Set(['HUF', 'JPY', 'TWD']);

/** Our amounts are integers in the currency's minor unit; PayPal wants a decimal string ("12.34"). */
export function toPayPalAmount(minorUnits: number, currency: string) {
  const currency_code = currency.toUpperCase();
  if (ZERO_DECIMAL.has(currency_code)) return { currency_code, value: String(minorUnits) };
  const whole = Math.trunc(minorUnits / 100);
  const cents = String(minorUnits % 100).padStart(2, '0');
  return { currency_code, value: `${whole}.${cents}` };
}
