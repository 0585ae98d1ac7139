import { HttpProblem, problemType } from '../../../kit/index.js';
import type {
  CaptureOutcome,
  GatewayCallOptions,
  OrderLookup,
  OrderState,
  OrderToCreate,
  PaymentGateway,
} from '../../application/ports.js';
import { toPayPalAmount } from './amounts.js';
import type { Order, PayPalClient } from './client.js';
import { DuplicateInvoiceError, OrderNotApprovedError, PayPalApiError } from './errors.js';

export type { GatewayCallOptions, OrderToCreate };

/**
 * The invoice id of an order: `<subscription>:<period>` for the period's first order, with `:<n>`
 * for the n-th after earlier ones failed or were cancelled; our payment id without a subscription.
 */
export function invoiceIdOf(input: OrderToCreate): string {
  if (!input.subscriptionId || !input.billingPeriod) return input.reference;
  const base = `${input.subscriptionId}:${input.billingPeriod}`;
  return (input.attempt ?? 1) > 1 ? `${base}:${input.attempt}` : base;
}

/**
 * The PaymentGateway port on PayPal's Orders v2 (intent CAPTURE; one order per billing period). The
 * `PayPal-Request-Id` of each call is derived from the caller's idempotency key or, without one,
 * from what identifies the operation (our payment id, the order id, the capture id), so a retried
 * call never moves money twice.
 */
export class PayPalPaymentGateway implements PaymentGateway, OrderLookup {
  readonly provider = 'paypal';

  constructor(private readonly client: PayPalClient) {}

  async createOrder(input: OrderToCreate): Promise<{ orderId: string }> {
    const invoiceId = invoiceIdOf(input);
    try {
      const order = await this.client.createOrder(
        {
          intent: 'CAPTURE',
          purchase_units: [
            {
              reference_id: input.reference,
              custom_id: input.subscriptionId ?? input.reference,
              invoice_id: invoiceId,
              description: input.description.slice(0, 127),
              amount: toPayPalAmount(input.amountCents, input.currency),
            },
          ],
        },
        input.idempotencyKey ?? `payment:${input.reference}`,
      );
      return { orderId: order.id ?? unexpected('an order without an id') };
    } catch (error) {
      if (error instanceof PayPalApiError && error.hasIssue('DUPLICATE_INVOICE_ID'))
        throw new DuplicateInvoiceError(invoiceId);
      throw error;
    }
  }

  async captureOrder(orderId: string, options: GatewayCallOptions = {}): Promise<CaptureOutcome> {
    let order: Order;
    try {
      order = await this.client.captureOrder(orderId, options.idempotencyKey ?? `order:${orderId}`);
    } catch (error) {
      if (!(error instanceof PayPalApiError)) throw error;
      if (error.hasIssue('INSTRUMENT_DECLINED'))
        return { outcome: 'declined', reason: 'INSTRUMENT_DECLINED' };
      if (error.hasIssue('ORDER_NOT_APPROVED')) throw new OrderNotApprovedError(orderId);
      // Captured before under another request id (e.g. by an earlier deployment): read the result.
      if (error.hasIssue('ORDER_ALREADY_CAPTURED')) order = await this.client.getOrder(orderId);
      else throw error;
    }
    return captureOutcome(order);
  }

  orderState(orderId: string): Promise<OrderState> {
    return lookup(this.client, orderId);
  }

  async refundCapture(
    captureId: string,
    amountCents: number,
    currency: string,
    options: GatewayCallOptions = {},
  ): Promise<{ refundId: string }> {
    const refund = await this.client.refundCapture(
      captureId,
      { amount: toPayPalAmount(amountCents, currency) },
      options.idempotencyKey ?? `capture:${captureId}:${amountCents}`,
    );
    if (refund.status === 'FAILED' || refund.status === 'CANCELLED')
      throw new HttpProblem(409, `PayPal did not refund capture ${captureId}: ${refund.status}`, {
        type: problemType('refund-failed'),
      });
    return { refundId: refund.id ?? unexpected('a refund without an id') };
  }
}

/** Where the order stands at PayPal now: its capture's outcome, still open, or unknown (expired). */
async function lookup(client: PayPalClient, orderId: string): Promise<OrderState> {
  let order: Order;
  try {
    order = await client.getOrder(orderId);
  } catch (error) {
    if (error instanceof PayPalApiError && error.status === 404) return { outcome: 'missing' };
    throw error;
  }
  const capture = order.purchase_units?.[0]?.payments?.captures?.[0];
  if (!capture) return { outcome: 'pending', status: order.status ?? 'UNKNOWN' };
  if (capture.status === 'COMPLETED' && capture.id) return { outcome: 'captured', captureId: capture.id };
  if (capture.status === 'DECLINED' || capture.status === 'FAILED')
    return { outcome: 'declined', reason: capture.status_details?.reason ?? capture.status };
  return { outcome: 'pending', status: `capture ${capture.status ?? 'UNKNOWN'}` };
}

/** The outcome of the order's capture: COMPLETED is captured; DECLINED or FAILED is a decline. */
function captureOutcome(order: Order): CaptureOutcome {
  const capture = order.purchase_units?.[0]?.payments?.captures?.[0];
  if (!capture?.id) return unexpected(`order ${order.id} has no capture`);
  if (capture.status === 'COMPLETED') return { outcome: 'captured', captureId: capture.id };
  if (capture.status === 'DECLINED' || capture.status === 'FAILED')
    return { outcome: 'declined', reason: capture.status_details?.reason ?? capture.status };
  // PENDING (e.g. an eCheck): the money has not moved yet; PAYMENT.CAPTURE.COMPLETED settles it.
  throw new HttpProblem(409, `capture ${capture.id} of order ${order.id} is ${capture.status}`, {
    type: problemType('capture-pending'),
    extensions: { captureId: capture.id },
  });
}

function unexpected(what: string): never {
  throw new PayPalApiError(502, 'UNEXPECTED_RESPONSE', [], undefined, `PayPal answered ${what}`);
}
