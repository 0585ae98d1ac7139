import type { LeadSource, LeadStatus } from './lead.js';

export const INTERACTION_CHANNELS = [
  'email',
  'phone',
  'meeting',
  'chatbot',
  'voicebot',
  'web',
  'social',
] as const;
export type InteractionChannel = (typeof INTERACTION_CHANNELS)[number];

export const INTERACTION_DIRECTIONS = ['inbound', 'outbound'] as const;
export type InteractionDirection = (typeof INTERACTION_DIRECTIONS)[number];

export interface Interaction {
  channel: InteractionChannel;
  direction: InteractionDirection;
  summary: string;
}

/** What happened to a lead; the timeline is these events in the order they occurred. */
export type LeadEventData =
  | { type: 'created'; source: LeadSource; status: LeadStatus }
  | { type: 'status-changed'; from: LeadStatus; to: LeadStatus; reason: string | null }
  | ({ type: 'interaction' } & Interaction);

export type LeadEventType = LeadEventData['type'];

export interface LeadEvent {
  id: string;
  leadId: string;
  occurredAt: Date;
  recordedAt: Date;
  /** The subject of the token that caused the event, or null when the system did. */
  actor: string | null;
  data: LeadEventData;
}

/** Interactions may be logged after the fact, but not ahead of the clock beyond a small skew. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

export function isInFuture(occurredAt: Date, now: Date): boolean {
  return occurredAt.getTime() - now.getTime() > MAX_CLOCK_SKEW_MS;
}
