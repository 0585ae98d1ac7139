import { NotFoundError, UnprocessableError } from '../../kit/domain-errors.js';
import { systemContext, type UseCaseContext } from '../../shared/use-case-context.js';
import type { GeneratedAsset } from '../domain/asset.js';
import type { CreativeBrief } from '../domain/brief.js';
import { assemblePackage, type CampaignPackage, type NewPackage } from '../domain/campaign-package.js';
import { type ApiPage, decodeAfter, type PageRequest, toApiPage } from './pagination.js';
import type { ContentRepository, PackageFilter } from './ports.js';

/** A package with the brief and the assets it groups, as one deliverable. */
export interface PackageView extends CampaignPackage {
  brief: CreativeBrief;
  assets: GeneratedAsset[];
}

/** Campaign Generation: grouping a brief's approved assets into campaign packages. */
export class CampaignPackaging {
  constructor(
    private readonly repository: ContentRepository,
    private readonly context: UseCaseContext = systemContext,
  ) {}

  async assemble(tenantId: string, input: NewPackage): Promise<CampaignPackage> {
    const brief = await this.repository.briefs.findById(tenantId, input.briefId);
    if (!brief) throw new UnprocessableError('briefId', `brief ${input.briefId} does not exist`);
    const assets = await this.repository.assets.findByIds(tenantId, input.assetIds);
    const campaignPackage = assemblePackage(input, assets, {
      id: this.context.newId(),
      now: this.context.now(),
    });
    await this.repository.packages.insert(tenantId, campaignPackage);
    return campaignPackage;
  }

  async get(tenantId: string, id: string): Promise<PackageView> {
    const campaignPackage = await this.repository.packages.findById(tenantId, id);
    if (!campaignPackage) throw new NotFoundError('package', id);
    const [brief, assets] = await Promise.all([
      this.repository.briefs.findById(tenantId, campaignPackage.briefId),
      this.repository.assets.findByIds(tenantId, campaignPackage.assetIds),
    ]);
    if (!brief) throw new NotFoundError('brief', campaignPackage.briefId);
    const byId = new Map(assets.map((asset) => [asset.id, asset]));
    return {
      ...campaignPackage,
      brief,
      assets: campaignPackage.assetIds.flatMap((assetId) => byId.get(assetId) ?? []),
    };
  }

  async list(tenantId: string, filter: PackageFilter, page: PageRequest): Promise<ApiPage<CampaignPackage>> {
    const result = await this.repository.packages.list(tenantId, {
      filter,
      limit: page.limit,
      after: decodeAfter(page.cursor),
    });
    return toApiPage(result);
  }
}
