import {
  created,
  createRoute,
  getRoute,
  listRoute,
  requireScopes,
  routeProblems,
  type ServiceApi,
  scopeConfigs,
  tenantOf,
  translateDomainErrors,
} from '../../../kit/index.js';
import type { AssetGeneration } from '../../application/asset-generation.js';
import type { CampaignPackaging } from '../../application/campaign-packaging.js';
import type { CreativeBriefing } from '../../application/creative-briefing.js';
import type { AssetStatus } from '../../domain/asset.js';
import type { BriefStatus } from '../../domain/brief.js';
import * as s from './schemas.js';

export interface ContentUseCases {
  briefs: CreativeBriefing;
  assets: AssetGeneration;
  packages: CampaignPackaging;
}

/**
 * Scopes the identity stack defines for this service: reads need `promptcontent:read`, writes
 * `promptcontent:write`, and the reviewer's decisions (approving a brief, approving or rejecting an
 * asset) `promptcontent:approve` as well.
 */
export const SCOPES = {
  read: 'promptcontent:read',
  write: 'promptcontent:write',
  approve: 'promptcontent:approve',
} as const;
const { write } = scopeConfigs(SCOPES);

const changeErrors = routeProblems.change;

/** The statuses that are a reviewer's decision rather than a step of writing or generation. */
const BRIEF_DECISIONS: readonly BriefStatus[] = ['approved'];
const ASSET_DECISIONS: readonly AssetStatus[] = ['approved', 'rejected'];

/**
 * PromptContent v1: creative briefs, generated asset records and campaign packages. Every route acts
 * within the tenant of the caller's token (`tenantOf`), which the use cases pass to every store call.
 */
export function contentRoutes(useCases: ContentUseCases) {
  const { briefs, assets, packages } = useCases;

  return async function routes(api: ServiceApi): Promise<void> {
    translateDomainErrors(api);

    const briefRoutes = { scopes: SCOPES, tag: 'briefs', item: s.brief };
    api.post(
      '/briefs',
      createRoute({
        operationId: 'createBrief',
        ...briefRoutes,
        summary: 'Create a creative brief (objectives, audience, tone, guidelines) as a draft',
        body: s.newBrief,
      }),
      async (request, reply) => {
        const brief = await briefs.create(tenantOf(request), request.body);
        return created(reply, request, brief.id).send(brief);
      },
    );
    api.get(
      '/briefs',
      listRoute({
        operationId: 'listBriefs',
        ...briefRoutes,
        summary: 'List briefs, newest first',
        querystring: s.briefQuery,
      }),
      async (request) => {
        const { limit, cursor, ...filter } = request.query;
        return briefs.list(tenantOf(request), filter, { limit, cursor });
      },
    );
    api.get(
      '/briefs/:id',
      getRoute({ operationId: 'getBrief', ...briefRoutes, summary: 'Get a brief' }),
      async (request) => briefs.get(tenantOf(request), request.params.id),
    );

    api.post(
      '/briefs/:id/status-changes',
      {
        config: write,
        schema: {
          tags: ['briefs'],
          operationId: 'changeBriefStatus',
          summary:
            'Approve (also needs promptcontent:approve) or archive a brief (assets are generated only from approved briefs)',
          params: s.idParams,
          body: s.briefStatusChange,
          response: { 200: s.brief, ...changeErrors },
        },
      },
      async (request) => {
        const tenantId = tenantOf(request);
        if (BRIEF_DECISIONS.includes(request.body.status)) requireScopes(request, [SCOPES.approve]);
        return briefs.changeStatus(tenantId, request.params.id, request.body.status);
      },
    );

    const assetRoutes = { scopes: SCOPES, tag: 'assets', item: s.asset };
    api.post(
      '/assets',
      createRoute({
        operationId: 'requestAsset',
        ...assetRoutes,
        summary: 'Request a generated asset (text, image or video) for a channel and language',
        body: s.newAsset,
      }),
      async (request, reply) => {
        const asset = await assets.request(tenantOf(request), request.body);
        return created(reply, request, asset.id).send(asset);
      },
    );
    api.get(
      '/assets',
      listRoute({
        operationId: 'listAssets',
        ...assetRoutes,
        summary: 'List asset records by brief, kind, channel, language or status, newest first',
        querystring: s.assetQuery,
      }),
      async (request) => {
        const { limit, cursor, ...filter } = request.query;
        return assets.list(tenantOf(request), filter, { limit, cursor });
      },
    );
    api.get(
      '/assets/:id',
      getRoute({ operationId: 'getAsset', ...assetRoutes, summary: 'Get an asset record' }),
      async (request) => assets.get(tenantOf(request), request.params.id),
    );

    api.post(
      '/assets/:id/status-changes',
      {
        config: write,
        schema: {
          tags: ['assets'],
          operationId: 'changeAssetStatus',
          summary:
            'Advance an asset through generation: generating, ready (with content), failed; approved or rejected also need promptcontent:approve',
          params: s.idParams,
          body: s.assetStatusChange,
          response: { 200: s.asset, ...changeErrors },
        },
      },
      async (request) => {
        const tenantId = tenantOf(request);
        if (ASSET_DECISIONS.includes(request.body.status)) requireScopes(request, [SCOPES.approve]);
        return assets.changeStatus(tenantId, request.params.id, request.body);
      },
    );

    const packageRoutes = { scopes: SCOPES, tag: 'packages', item: s.campaignPackage };
    api.post(
      '/packages',
      createRoute({
        operationId: 'assemblePackage',
        ...packageRoutes,
        summary: "Group a brief's approved assets into a campaign package",
        body: s.newPackage,
      }),
      async (request, reply) => {
        const campaignPackage = await packages.assemble(tenantOf(request), request.body);
        return created(reply, request, campaignPackage.id).send(campaignPackage);
      },
    );
    api.get(
      '/packages',
      listRoute({
        operationId: 'listPackages',
        ...packageRoutes,
        summary: 'List campaign packages by brief, channel or language, newest first',
        querystring: s.packageQuery,
      }),
      async (request) => {
        const { limit, cursor, ...filter } = request.query;
        return packages.list(tenantOf(request), filter, { limit, cursor });
      },
    );
    api.get(
      '/packages/:id',
      getRoute({
        operationId: 'getPackage',
        ...packageRoutes,
        item: s.packageView,
        summary: 'Get a campaign package with its brief and assets',
      }),
      async (request) => packages.get(tenantOf(request), request.params.id),
    );
  };
}
