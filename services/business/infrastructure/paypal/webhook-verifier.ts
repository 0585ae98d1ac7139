import type { WebhookDelivery, WebhookVerifier } from '../../application/ports.js';
import type { PayPalClient, VerifyWebhookSignature } from './client.js';

/** The transmission headers PayPal sends with every webhook delivery, and verify-webhook-signature needs. */
export const PAYPAL_TRANSMISSION_HEADERS = [
  'paypal-transmission-id',
  'paypal-transmission-time',
  'paypal-transmission-sig',
  'paypal-cert-url',
  'paypal-auth-algo',
] as const;

/**
 * Asks PayPal (verify-webhook-signature) whether a delivery is genuine: PayPal checks the
 * signature over the transmission id, time, our webhook id and the event against its certificate.
 */
export class PayPalWebhookVerifier implements WebhookVerifier {
  constructor(
    private readonly client: PayPalClient,
    private readonly webhookId: string,
  ) {}

  async verify({ headers, event }: WebhookDelivery): Promise<boolean> {
    const status = await this.client.verifyWebhookSignature({
      auth_algo: headers['paypal-auth-algo'] ?? '',
      cert_url: headers['paypal-cert-url'] ?? '',
      transmission_id: headers['paypal-transmission-id'] ?? '',
      transmission_sig: headers['paypal-transmission-sig'] ?? '',
      transmission_time: headers['paypal-transmission-time'] ?? '',
      webhook_id: this.webhookId,
      webhook_event: event as VerifyWebhookSignature['webhook_event'],
    });
    return status === 'SUCCESS';
  }
}
