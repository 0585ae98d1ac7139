import { DependencyUnavailableError, HttpProblem, problemType } from '../../../kit/index.js';

/** One entry of a PayPal error body's `details`. */
export interface PayPalIssue {
  issue: string;
  description?: string;
  field?: string;
}

/** PayPal answered a 4xx the caller must not retry: its error body, typed. */
export class PayPalApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorName: string,
    readonly issues: PayPalIssue[],
    readonly debugId: string | undefined,
    message: string,
  ) {
    super(`PayPal answered ${status} ${errorName}: ${message}`);
    this.name = 'PayPalApiError';
  }

  hasIssue(issue: string): boolean {
    return this.issues.some((detail) => detail.issue === issue);
  }
}

/**
 * PayPal cannot be reached, keeps failing (5xx, 429, timeouts) after the retries, or the circuit is
 * open: the API answers 503 problem+json with Retry-After, and nothing is recorded.
 */
export class PayPalUnavailableError extends DependencyUnavailableError {
  constructor(detail: string, cause?: unknown) {
    super('paypal', detail, cause);
    this.name = 'PayPalUnavailableError';
  }
}

/** An order for this subscription and billing period exists already (PayPal's DUPLICATE_INVOICE_ID). */
export class DuplicateInvoiceError extends HttpProblem {
  constructor(readonly invoiceId: string) {
    super(409, `an order for invoice ${invoiceId} exists already`, {
      type: problemType('duplicate-invoice'),
      extensions: { invoiceId },
    });
    this.name = 'DuplicateInvoiceError';
  }
}

/** The payer has not approved the order yet (ORDER_NOT_APPROVED): capture again after approval. */
export class OrderNotApprovedError extends HttpProblem {
  constructor(readonly orderId: string) {
    super(409, `the payer has not approved order ${orderId} yet`, {
      type: problemType('order-not-approved'),
      extensions: { orderId },
    });
    this.name = 'OrderNotApprovedError';
  }
}
