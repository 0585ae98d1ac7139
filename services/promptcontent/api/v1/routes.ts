import type { FastifyInstance } from 'fastify';
import { resourceRoutes, routeProblems, scopeConfigs, translateDomainErrors } from '../../../kit/index.js';
import type { AssetGeneration } from '../../application/asset-generation.js';
import type { CampaignPackaging } from '../../application/campaign-packaging.js';
import type { CreativeBriefing } from '../../application/creative-briefing.js';
import type { AssetFilter, BriefFilter, PackageFilter } from '../../application/ports.js';
import type { AssetStatusChange, NewAsset } from '../../domain/asset.js';
import type { BriefStatus, NewBrief } from '../../domain/brief.js';
import type { NewPackage } from '../../domain/campaign-package.js';
import * as s from './schemas.js';

export interface ContentUseCases {
  briefs: CreativeBriefing;
  assets: AssetGeneration;
  packages: CampaignPackaging;
}

type IdParams = { id: string };

/** Scopes the identity stack defines for this service: reads need `promptcontent:read`, writes `promptcontent:write`. */
export const SCOPES = { read: 'promptcontent:read', write: 'promptcontent:write' } as const;
const { write } = scopeConfigs(SCOPES);

const changeErrors = routeProblems.change;

/** PromptContent v1: creative briefs, generated asset records and campaign packages. */
export function contentRoutes(useCases: ContentUseCases) {
  const { briefs, assets, packages } = useCases;

  return async function routes(api: FastifyInstance): Promise<void> {
    translateDomainErrors(api);

    resourceRoutes<NewBrief, BriefFilter>(api, {
      path: '/briefs',
      tag: 'briefs',
      item: s.brief,
      scopes: SCOPES,
      create: {
        operationId: 'createBrief',
        summary: 'Create a creative brief (objectives, audience, tone, guidelines) as a draft',
        body: s.newBrief,
        run: (body) => briefs.create(body),
      },
      list: {
        operationId: 'listBriefs',
        summary: 'List briefs, newest first',
        querystring: s.briefQuery,
        run: (filter, page) => briefs.list(filter, page),
      },
      get: { operationId: 'getBrief', summary: 'Get a brief', run: (id) => briefs.get(id) },
    });

    api.post<{ Params: IdParams; Body: { status: BriefStatus } }>(
      '/briefs/:id/status-changes',
      {
        config: write,
        schema: {
          tags: ['briefs'],
          operationId: 'changeBriefStatus',
          summary: 'Approve or archive a brief (assets are generated only from approved briefs)',
          params: s.idParams,
          body: s.briefStatusChange,
          response: { 200: s.brief, ...changeErrors },
        },
      },
      async (request) => briefs.changeStatus(request.params.id, request.body.status),
    );

    resourceRoutes<NewAsset, AssetFilter>(api, {
      path: '/assets',
      tag: 'assets',
      item: s.asset,
      scopes: SCOPES,
      create: {
        operationId: 'requestAsset',
        summary: 'Request a generated asset (text, image or video) for a channel and language',
        body: s.newAsset,
        run: (body) => assets.request(body),
      },
      list: {
        operationId: 'listAssets',
        summary: 'List asset records by brief, kind, channel, language or status, newest first',
        querystring: s.assetQuery,
        run: (filter, page) => assets.list(filter, page),
      },
      get: { operationId: 'getAsset', summary: 'Get an asset record', run: (id) => assets.get(id) },
    });

    api.post<{ Params: IdParams; Body: AssetStatusChange }>(
      '/assets/:id/status-changes',
      {
        config: write,
        schema: {
          tags: ['assets'],
          operationId: 'changeAssetStatus',
          summary:
            'Advance an asset through generation: generating, ready (with content), failed, approved, rejected',
          params: s.idParams,
          body: s.assetStatusChange,
          response: { 200: s.asset, ...changeErrors },
        },
      },
      async (request) => assets.changeStatus(request.params.id, request.body),
    );

    resourceRoutes<NewPackage, PackageFilter>(api, {
      path: '/packages',
      tag: 'packages',
      item: s.campaignPackage,
      scopes: SCOPES,
      create: {
        operationId: 'assemblePackage',
        summary: "Group a brief's approved assets into a campaign package",
        body: s.newPackage,
        run: (body) => packages.assemble(body),
      },
      list: {
        operationId: 'listPackages',
        summary: 'List campaign packages by brief, channel or language, newest first',
        querystring: s.packageQuery,
        run: (filter, page) => packages.list(filter, page),
      },
      get: {
        operationId: 'getPackage',
        summary: 'Get a campaign package with its brief and assets',
        response: s.packageView,
        run: (id) => packages.get(id),
      },
    });
  };
}
