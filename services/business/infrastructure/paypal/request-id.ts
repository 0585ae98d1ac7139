import { createHash } from 'node:crypto';

export type StateChangingCall = 'create-order' | 'capture-order' | 'refund-capture';

/**
 * The `PayPal-Request-Id` for a state-changing call: a hash of the call and our own idempotency key,
 * so every retry of one request (ours after a timeout, or the client's replay of its key) carries
 * the same id and PayPal answers it with the first result instead of charging again. Hashing keeps
 * it within PayPal's 108 characters and keeps our keys out of PayPal's logs.
 */
export function payPalRequestId(call: StateChangingCall, idempotencyKey: string): string {
  const digest = createHash('sha256').update(`${call}\n${idempotencyKey}`).digest('hex');
  return `ps-${call}-${digest.slice(0, 48)}`;
}
