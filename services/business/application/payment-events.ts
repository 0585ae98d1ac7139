import type { FastifyBaseLogger } from 'fastify';
import { DependencyUnavailableError, HttpProblem, problemType } from '../../kit/index.js';
import type { UseCaseContext } from '../../shared/use-case-context.js';
import { canTransition, type Payment } from '../domain/payment.js';
import type {
  PaymentMove,
  PaymentRepository,
  ProviderEvent,
  TenantAnswers,
  WebhookDelivery,
  WebhookVerifier,
} from './ports.js';

/** The events Business acts on or acknowledges; any other verified event is acknowledged and ignored. */
export const HANDLED_EVENT_TYPES = [
  'PAYMENT.CAPTURE.COMPLETED',
  'PAYMENT.CAPTURE.DENIED',
  'PAYMENT.CAPTURE.REFUNDED',
  'PAYMENT.CAPTURE.PENDING',
  'CHECKOUT.ORDER.APPROVED',
  'CHECKOUT.ORDER.COMPLETED',
] as const;
type HandledEventType = (typeof HANDLED_EVENT_TYPES)[number];

export type EventOutcome = 'applied' | 'unchanged' | 'replayed' | 'unknown-order' | 'ignored';

export interface EventAnswer {
  eventId: string;
  eventType: string;
  outcome: EventOutcome;
}

/** The envelope fields Business reads; the route's schema has checked their shapes. */
interface EventEnvelope {
  id: string;
  event_type: string;
  resource: {
    id?: string;
    supplementary_data?: { related_ids?: { order_id?: string; capture_id?: string } };
    links?: Array<{ rel?: string; href?: string }>;
  };
}

const isHandled = (type: string): type is HandledEventType =>
  (HANDLED_EVENT_TYPES as readonly string[]).includes(type);

/** The capture a refund belongs to: its `up` link ends in `/v2/payments/captures/<id>`. */
function captureOfRefund(resource: EventEnvelope['resource']): string | undefined {
  const up = resource.links?.find((link) => link.rel === 'up')?.href;
  return up ? /\/captures\/([^/?#]+)$/.exec(up)?.[1] : undefined;
}

/** The provider ids an event names; they only select our stored order, which names the tenant. */
function referencesOf(
  event: EventEnvelope,
  type: HandledEventType,
): Pick<ProviderEvent, 'orderId' | 'captureId'> {
  const related = event.resource.supplementary_data?.related_ids ?? {};
  if (type.startsWith('CHECKOUT.ORDER.')) return { orderId: event.resource.id };
  if (type === 'PAYMENT.CAPTURE.REFUNDED')
    return { orderId: related.order_id, captureId: related.capture_id ?? captureOfRefund(event.resource) };
  return { orderId: related.order_id, captureId: event.resource.id };
}

/** What an event does to the payment it is about; null: nothing (already there, or nothing to do). */
function moveFor(type: HandledEventType, event: EventEnvelope, payment: Payment): PaymentMove | null {
  const allowed = (move: PaymentMove) => (canTransition(payment.status, move.to) ? move : null);
  switch (type) {
    case 'PAYMENT.CAPTURE.COMPLETED':
      return allowed({
        to: 'captured',
        reason: 'capture completed (provider webhook)',
        providerReference: event.resource.id ?? null,
        activatesSubscription: true,
      });
    case 'PAYMENT.CAPTURE.DENIED':
      return allowed({
        to: 'failed',
        reason: 'declined: DENIED (provider webhook)',
        providerReference: null,
      });
    case 'PAYMENT.CAPTURE.REFUNDED':
      return allowed({
        to: 'refunded',
        reason: 'refunded (provider webhook)',
        providerReference: event.resource.id ?? null,
      });
    default:
      // PENDING and the order events change nothing: only a capture's outcome moves a payment.
      return null;
  }
}

export function unverifiedDelivery(detail: string) {
  return new HttpProblem(400, detail, { type: problemType('webhook-unverified') });
}

/**
 * PayPal's webhook deliveries. Each is verified with PayPal before anything is read from it; the
 * payment it is about is found by the order or capture id among our stored orders, so the tenant
 * is the one that opened the order, never something the event says; the event id is recorded in
 * the transaction that moves the payment, so a redelivery changes nothing.
 */
export class PaymentEvents {
  constructor(
    private readonly provider: string,
    private readonly verifier: WebhookVerifier | undefined,
    private readonly payments: PaymentRepository,
    private readonly answers: TenantAnswers,
    private readonly context: UseCaseContext,
  ) {}

  async receive(delivery: WebhookDelivery, log: FastifyBaseLogger): Promise<EventAnswer> {
    if (!this.verifier)
      throw new DependencyUnavailableError(this.provider, 'webhooks need PAYMENT_GATEWAY=paypal');
    const event = delivery.event as unknown as EventEnvelope;
    const answer = (outcome: EventOutcome): EventAnswer => ({
      eventId: event.id,
      eventType: event.event_type,
      outcome,
    });
    if (!(await this.verifier.verify(delivery))) {
      log.warn(
        {
          eventId: event.id,
          eventType: event.event_type,
          transmissionId: delivery.headers['paypal-transmission-id'],
        },
        'webhook delivery failed verification; nothing changed',
      );
      throw unverifiedDelivery('the delivery failed PayPal signature verification');
    }
    const type = event.event_type;
    if (!isHandled(type)) {
      log.info({ eventId: event.id, eventType: type }, 'webhook event type not handled; acknowledged');
      return answer('ignored');
    }
    const result = await this.payments.applyProviderEvent(
      { provider: this.provider, eventId: event.id, eventType: type, ...referencesOf(event, type) },
      (payment) => moveFor(type, event, payment),
      this.context.now(),
    );
    if (result.outcome === 'unknown-order') {
      log.warn(
        { eventId: event.id, eventType: type },
        'webhook event about no order of ours; nothing changed',
      );
      return answer('unknown-order');
    }
    if (result.outcome === 'replayed') {
      log.info({ eventId: event.id, eventType: type, paymentId: result.paymentId }, 'webhook event replayed');
      return answer('replayed');
    }
    if (result.outcome === 'applied') {
      log.info(
        { eventId: event.id, eventType: type, paymentId: result.payment.id, status: result.payment.status },
        'webhook event applied',
      );
      await this.answers.clearTenant(result.tenantId);
    }
    return answer(result.outcome);
  }
}
