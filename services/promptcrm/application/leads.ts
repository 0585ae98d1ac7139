import { NotFoundError, UnprocessableError } from '../../kit/domain-errors.js';
import { systemContext, type UseCaseContext } from '../../shared/use-case-context.js';
import { assertTransition, type Lead, type LeadStatus, type NewLead } from '../domain/lead.js';
import { type Interaction, isInFuture, type LeadEvent } from '../domain/lead-event.js';
import type { Actor } from './context.js';
import { decodeOptionalCursor, isSequenceKey, type Page, type PageRequest } from './pagination.js';
import type { LeadFilter, LeadRepository } from './ports.js';

export interface StatusChange {
  status: LeadStatus;
  reason?: string | null | undefined;
}

export interface InteractionRecord extends Interaction {
  occurredAt?: Date | undefined;
}

/**
 * Leads: registration (Contacts Management), classification and filtering (Leads Segmentation)
 * and the consolidated history of each lead (Overall Leads Info).
 */
export class Leads {
  constructor(
    private readonly leads: LeadRepository,
    private readonly context: UseCaseContext = systemContext,
  ) {}

  async register(tenantId: string, input: NewLead, actor: Actor): Promise<Lead> {
    const now = this.context.now();
    const at = now.toISOString();
    const lead: Lead = {
      id: this.context.newId(),
      contactId: input.contactId,
      accountId: input.accountId ?? null,
      title: input.title.trim(),
      source: input.source,
      status: 'new',
      segment: { ...input.segment },
      createdAt: at,
      updatedAt: at,
    };
    const created: LeadEvent = {
      id: this.context.newId(),
      leadId: lead.id,
      occurredAt: now,
      recordedAt: now,
      actor: actor.subject,
      data: { type: 'created', source: lead.source, status: lead.status },
    };
    await this.leads.insert(tenantId, lead, created);
    return lead;
  }

  async get(tenantId: string, id: string): Promise<Lead> {
    const lead = await this.leads.findById(tenantId, id);
    if (!lead) throw new NotFoundError('lead', id);
    return lead;
  }

  /** Segmentation: every filter narrows the result; no filter lists every lead. */
  list(tenantId: string, filter: LeadFilter, page: PageRequest): Promise<Page<Lead>> {
    return this.leads.list(tenantId, { filter, limit: page.limit, after: decodeOptionalCursor(page.cursor) });
  }

  async changeStatus(tenantId: string, id: string, change: StatusChange, actor: Actor): Promise<Lead> {
    const updated = await this.leads.changeStatus(tenantId, id, (lead) => {
      assertTransition(lead.status, change.status);
      const now = this.context.now();
      return {
        id: this.context.newId(),
        leadId: lead.id,
        occurredAt: now,
        recordedAt: now,
        actor: actor.subject,
        data: { type: 'status-changed', from: lead.status, to: change.status, reason: change.reason ?? null },
      };
    });
    if (!updated) throw new NotFoundError('lead', id);
    return updated;
  }

  async recordInteraction(
    tenantId: string,
    id: string,
    interaction: InteractionRecord,
    actor: Actor,
  ): Promise<LeadEvent> {
    const now = this.context.now();
    const occurredAt = interaction.occurredAt ?? now;
    if (isInFuture(occurredAt, now)) {
      throw new UnprocessableError('occurredAt', 'occurredAt must not be in the future');
    }
    const event: LeadEvent = {
      id: this.context.newId(),
      leadId: id,
      occurredAt,
      recordedAt: now,
      actor: actor.subject,
      data: {
        type: 'interaction',
        channel: interaction.channel,
        direction: interaction.direction,
        summary: interaction.summary.trim(),
      },
    };
    if (!(await this.leads.appendEvent(tenantId, event))) throw new NotFoundError('lead', id);
    return event;
  }

  /** The lead's consolidated timeline: creation, status changes and interactions in time order. */
  async timeline(tenantId: string, id: string, page: PageRequest): Promise<Page<LeadEvent>> {
    const after = decodeOptionalCursor(page.cursor, isSequenceKey);
    const result = await this.leads.timeline(tenantId, id, page.limit, after);
    if (result.items.length === 0 && !after && !(await this.leads.findById(tenantId, id))) {
      throw new NotFoundError('lead', id);
    }
    return result;
  }
}
