import { ConflictError } from '../../kit/domain-errors.js';
import type { Segment } from './segmentation.js';

/** Where a lead came from: the provenance recorded when it is registered. */
export const LEAD_SOURCES = [
  'web-form',
  'chatbot',
  'voicebot',
  'campaign',
  'referral',
  'import',
  'manual',
] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

export const LEAD_STATUSES = ['new', 'contacted', 'qualified', 'unqualified', 'converted', 'lost'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

const ALLOWED_TRANSITIONS: Readonly<Record<LeadStatus, readonly LeadStatus[]>> = {
  new: ['contacted', 'qualified', 'unqualified', 'lost'],
  contacted: ['qualified', 'unqualified', 'lost'],
  qualified: ['converted', 'unqualified', 'lost'],
  unqualified: ['contacted'],
  lost: ['contacted'],
  converted: [],
};

export interface Lead {
  id: string;
  contactId: string;
  accountId: string | null;
  title: string;
  source: LeadSource;
  status: LeadStatus;
  segment: Segment;
  /** ISO 8601 UTC with milliseconds, as the API answers it. */
  createdAt: string;
  updatedAt: string;
}

export interface NewLead {
  contactId: string;
  accountId?: string | null;
  title: string;
  source: LeadSource;
  segment: Segment;
}

/** Throws ConflictError unless the lead may move from `from` to `to`. */
export function assertTransition(from: LeadStatus, to: LeadStatus): void {
  if (ALLOWED_TRANSITIONS[from].includes(to)) return;
  const allowed = ALLOWED_TRANSITIONS[from];
  const hint = allowed.length > 0 ? `allowed: ${allowed.join(', ')}` : `${from} is final`;
  throw new ConflictError(`a lead cannot move from ${from} to ${to} (${hint})`);
}
