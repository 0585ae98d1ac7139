import { randomUUID } from 'node:crypto';
import type { CaptureOutcome, OrderToCreate, PaymentGateway } from '../application/ports.js';

export interface RecordedCall {
  operation: 'createOrder' | 'captureOrder' | 'refundCapture';
  input: unknown;
}

/**
 * A PaymentGateway that never touches the network: it records every call and answers like PayPal's
 * sandbox would. Orders whose amount is in `declinedAmountsCents` are declined at capture;
 * `failNextCall()` simulates the provider being unavailable.
 */
export class RecordingPaymentGateway implements PaymentGateway {
  readonly provider = 'paypal';
  readonly calls: RecordedCall[] = [];
  private readonly orders = new Map<string, { amountCents: number }>();
  private failNext = false;

  constructor(private readonly declinedAmountsCents: ReadonlySet<number> = new Set()) {}

  failNextCall(): void {
    this.failNext = true;
  }

  private record(operation: RecordedCall['operation'], input: unknown): void {
    this.calls.push({ operation, input });
    if (this.failNext) {
      this.failNext = false;
      throw new Error('payment provider unavailable (simulated)');
    }
  }

  async createOrder(input: OrderToCreate) {
    this.record('createOrder', input);
    const orderId = `ORDER-${randomUUID()}`;
    this.orders.set(orderId, { amountCents: input.amountCents });
    return { orderId };
  }

  async captureOrder(orderId: string): Promise<CaptureOutcome> {
    this.record('captureOrder', { orderId });
    const order = this.orders.get(orderId);
    if (!order) return { outcome: 'declined', reason: 'ORDER_NOT_FOUND' };
    if (this.declinedAmountsCents.has(order.amountCents))
      return { outcome: 'declined', reason: 'INSTRUMENT_DECLINED' };
    return { outcome: 'captured', captureId: `CAPTURE-${randomUUID()}` };
  }

  async refundCapture(captureId: string, amountCents: number, currency: string) {
    this.record('refundCapture', { captureId, amountCents, currency });
    return { refundId: `REFUND-${randomUUID()}` };
  }
}
