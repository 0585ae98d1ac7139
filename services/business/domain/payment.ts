export const PAYMENT_STATUSES = ['created', 'captured', 'failed', 'refunded', 'cancelled'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/**
 * Allowed moves of a payment: an order is captured, fails or is cancelled before capture; only a
 * captured payment is refunded.
 */
const NEXT: Record<PaymentStatus, PaymentStatus[]> = {
  created: ['captured', 'failed', 'cancelled'],
  captured: ['refunded'],
  failed: [],
  refunded: [],
  cancelled: [],
};

/** How many orders a subscription may have open (created, not yet captured) at once. */
export const MAX_OPEN_ORDERS_PER_SUBSCRIPTION = 3;

export const canTransition = (from: PaymentStatus, to: PaymentStatus) => NEXT[from].includes(to);

export interface PaymentTransition {
  from: PaymentStatus | null;
  to: PaymentStatus;
  at: string;
  reason: string;
  providerReference: string | null;
}

export interface Payment {
  id: string;
  subscriptionId: string;
  accountId: string;
  amountCents: number;
  currency: string;
  status: PaymentStatus;
  provider: string;
  providerOrderId: string;
  /** The billing period the order pays (`2026-11` monthly, `2026` yearly); null before periods were recorded. */
  billingPeriod: string | null;
  createdAt: string;
  updatedAt: string;
  transitions: PaymentTransition[];
}

/** Payments that ended without money moving: the period may be ordered again, under a new invoice id. */
export const ENDED_UNPAID: readonly PaymentStatus[] = ['failed', 'cancelled'];
