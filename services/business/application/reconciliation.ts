import type { UseCaseContext } from '../../shared/use-case-context.js';
import type { OrderLookup, OrderState, PaymentMove, PaymentRepository, TenantAnswers } from './ports.js';

export interface ReconciliationOptions {
  /** Orders untouched for less than this are left alone: their capture may still be under way. */
  graceMs: number;
  /** At most this many orders per pass. */
  limit: number;
}

export interface ReconciliationReport {
  checked: number;
  captured: number;
  declined: number;
  expired: number;
  pending: number;
  /** Orders PayPal could not be asked about this time (it was down): the next pass retries. */
  unreachable: number;
}

export interface ReconciliationLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

/** The move an order's state at the provider settles a still-open payment with; null: still open. */
function settlement(state: OrderState): PaymentMove | null {
  switch (state.outcome) {
    case 'captured':
      return {
        to: 'captured',
        reason: 'captured by provider (reconciliation)',
        providerReference: state.captureId,
        activatesSubscription: true,
      };
    case 'declined':
      return { to: 'failed', reason: `declined: ${state.reason} (reconciliation)`, providerReference: null };
    case 'missing':
      return {
        to: 'cancelled',
        reason: 'order unknown to the provider (expired unpaid)',
        providerReference: null,
      };
    default:
      return null;
  }
}

/**
 * Settles orders whose outcome Business does not know: a capture that timed out (PayPal may have
 * charged), a pending capture whose webhook never came. For each open order older than the grace
 * period it asks the provider where the order stands and records what it says, under the
 * payment's row lock, so a capture or webhook arriving meanwhile is never undone or doubled.
 */
export class Reconciliation {
  constructor(
    private readonly payments: PaymentRepository,
    private readonly orders: OrderLookup,
    private readonly answers: TenantAnswers,
    private readonly context: UseCaseContext,
  ) {}

  async run(options: ReconciliationOptions, log: ReconciliationLog): Promise<ReconciliationReport> {
    const report: ReconciliationReport = {
      checked: 0,
      captured: 0,
      declined: 0,
      expired: 0,
      pending: 0,
      unreachable: 0,
    };
    const before = new Date(this.context.now().getTime() - options.graceMs);
    for (const open of await this.payments.unsettled(this.orders.provider, before, options.limit)) {
      report.checked += 1;
      let state: OrderState;
      try {
        state = await this.orders.orderState(open.providerOrderId);
      } catch (error) {
        report.unreachable += 1;
        log.warn(
          { err: error, paymentId: open.id, orderId: open.providerOrderId },
          'order state unavailable',
        );
        continue;
      }
      const move = settlement(state);
      if (!move) {
        report.pending += 1;
        continue;
      }
      let applied = false;
      await this.payments.moveLocked(
        open.tenantId,
        open.id,
        async (payment) => {
          applied = payment.status === 'created';
          return applied ? move : null;
        },
        () => this.context.now(),
      );
      if (!applied) continue;
      report[
        state.outcome === 'captured' ? 'captured' : state.outcome === 'declined' ? 'declined' : 'expired'
      ] += 1;
      if (move.to === 'captured') await this.answers.clearTenant(open.tenantId);
      log.info(
        { paymentId: open.id, tenantId: open.tenantId, status: move.to },
        'payment settled by reconciliation',
      );
    }
    return report;
  }
}
