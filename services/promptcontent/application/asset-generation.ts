import { ConflictError, NotFoundError, UnprocessableError } from '../../kit/domain-errors.js';
import { systemContext, type UseCaseContext } from '../../shared/use-case-context.js';
import {
  type AssetStatusChange,
  changeAssetStatus,
  type GeneratedAsset,
  type NewAsset,
} from '../domain/asset.js';
import { type ApiPage, decodeAfter, type PageRequest, toApiPage } from './pagination.js';
import type { AssetFilter, ContentRepository } from './ports.js';

/**
 * Text, Image and Video Generation, as records: which variant (kind, channel, language) was
 * requested for which brief, and where its generation stands.
 */
export class AssetGeneration {
  constructor(
    private readonly repository: ContentRepository,
    private readonly context: UseCaseContext = systemContext,
  ) {}

  async request(tenantId: string, input: NewAsset): Promise<GeneratedAsset> {
    const brief = await this.repository.briefs.findById(tenantId, input.briefId);
    if (!brief) throw new UnprocessableError('briefId', `brief ${input.briefId} does not exist`);
    if (brief.status !== 'approved') {
      throw new ConflictError(
        `assets are generated from approved briefs; brief ${brief.id} is ${brief.status}`,
      );
    }
    const now = this.context.now();
    const asset: GeneratedAsset = {
      id: this.context.newId(),
      briefId: brief.id,
      kind: input.kind,
      channel: input.channel,
      language: input.language,
      status: 'requested',
      prompt: input.prompt ?? null,
      content: null,
      failureReason: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await this.repository.assets.insert(tenantId, asset);
    return asset;
  }

  async get(tenantId: string, id: string): Promise<GeneratedAsset> {
    const asset = await this.repository.assets.findById(tenantId, id);
    if (!asset) throw new NotFoundError('asset', id);
    return asset;
  }

  async list(tenantId: string, filter: AssetFilter, page: PageRequest): Promise<ApiPage<GeneratedAsset>> {
    const result = await this.repository.assets.list(tenantId, {
      filter,
      limit: page.limit,
      after: decodeAfter(page.cursor),
    });
    return toApiPage(result);
  }

  async changeStatus(tenantId: string, id: string, change: AssetStatusChange): Promise<GeneratedAsset> {
    const asset = await this.get(tenantId, id);
    const updated = changeAssetStatus(asset, change, this.context.now());
    if (!(await this.repository.assets.replace(tenantId, updated, asset.version))) {
      throw new ConflictError(`asset ${id} was changed by another request; reload it and retry`);
    }
    return updated;
  }
}
