import type { LeadEvent } from '../../domain/lead-event.js';

/** A timeline entry as the API shows it: the event's kind beside its common fields, the rest as details. */
export function presentEvent(event: LeadEvent) {
  const { type, ...details } = event.data;
  return {
    id: event.id,
    leadId: event.leadId,
    type,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    actor: event.actor,
    details,
  };
}
