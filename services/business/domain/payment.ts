export const PAYMENT_STATUSES = ['created', 'captured', 'failed', 'refunded'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** Allowed moves of a payment: an order is captured or fails; only a captured payment is refunded. */
const NEXT: Record<PaymentStatus, PaymentStatus[]> = {
  created: ['captured', 'failed'],
  captured: ['refunded'],
  failed: [],
  refunded: [],
};

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
  createdAt: string;
  updatedAt: string;
  transitions: PaymentTransition[];
}
