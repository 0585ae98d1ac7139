import { ConflictError, NotFoundError } from '../../kit/domain-errors.js';
import { systemContext, type UseCaseContext } from '../../shared/use-case-context.js';
import {
  assertBriefTransition,
  type BriefStatus,
  type CreativeBrief,
  type NewBrief,
} from '../domain/brief.js';
import { type ApiPage, decodeAfter, type PageRequest, toApiPage } from './pagination.js';
import type { BriefFilter, ContentRepository } from './ports.js';

/** Creative Briefing: collecting a client's objectives, audience, tone and guidelines. */
export class CreativeBriefing {
  constructor(
    private readonly repository: ContentRepository,
    private readonly context: UseCaseContext = systemContext,
  ) {}

  async create(tenantId: string, input: NewBrief): Promise<CreativeBrief> {
    const now = this.context.now();
    const brief: CreativeBrief = {
      id: this.context.newId(),
      accountId: input.accountId ?? null,
      name: input.name.trim(),
      objectives: [...input.objectives],
      audience: {
        description: input.audience.description,
        segments: [...input.audience.segments],
        locales: [...input.audience.locales],
      },
      tone: input.tone,
      guidelines: [...(input.guidelines ?? [])],
      status: 'draft',
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await this.repository.briefs.insert(tenantId, brief);
    return brief;
  }

  async get(tenantId: string, id: string): Promise<CreativeBrief> {
    const brief = await this.repository.briefs.findById(tenantId, id);
    if (!brief) throw new NotFoundError('brief', id);
    return brief;
  }

  async list(tenantId: string, filter: BriefFilter, page: PageRequest): Promise<ApiPage<CreativeBrief>> {
    const result = await this.repository.briefs.list(tenantId, {
      filter,
      limit: page.limit,
      after: decodeAfter(page.cursor),
    });
    return toApiPage(result);
  }

  async changeStatus(tenantId: string, id: string, status: BriefStatus): Promise<CreativeBrief> {
    const brief = await this.get(tenantId, id);
    assertBriefTransition(brief.status, status);
    const updated: CreativeBrief = {
      ...brief,
      status,
      version: brief.version + 1,
      updatedAt: this.context.now(),
    };
    if (!(await this.repository.briefs.replace(tenantId, updated, brief.version))) {
      throw new ConflictError(`brief ${id} was changed by another request; reload it and retry`);
    }
    return updated;
  }
}
