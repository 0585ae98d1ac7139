import { DependencyUnavailableError } from '../../kit/index.js';
import type { CaptureOutcome, PaymentGateway } from '../application/ports.js';

/**
 * The gateway when none is configured: plans, subscriptions and entitlements keep working, and
 * every payment operation answers 503 instead of pretending money moved.
 */
export class DisabledPaymentGateway implements PaymentGateway {
  readonly provider = 'paypal';

  private unavailable(): never {
    throw new DependencyUnavailableError(
      'paypal',
      'no payment gateway is configured (PAYMENT_GATEWAY=disabled)',
    );
  }

  async createOrder(): Promise<{ orderId: string }> {
    this.unavailable();
  }

  async captureOrder(): Promise<CaptureOutcome> {
    this.unavailable();
  }

  async refundCapture(): Promise<{ refundId: string }> {
    this.unavailable();
  }
}
