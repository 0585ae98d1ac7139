import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  HttpProblem,
  problemType,
  resourceRoutes,
  routeProblems,
  scopeConfigs,
  translateDomainErrors,
} from '../../../kit/index.js';
import { tenantOf } from '../../../shared/request-tenant.js';
import type { AssetGeneration } from '../../application/asset-generation.js';
import type { CampaignPackaging } from '../../application/campaign-packaging.js';
import type { CreativeBriefing } from '../../application/creative-briefing.js';
import type { AssetFilter, BriefFilter, PackageFilter } from '../../application/ports.js';
import type { AssetStatus, AssetStatusChange, NewAsset } from '../../domain/asset.js';
import type { BriefStatus, NewBrief } from '../../domain/brief.js';
import type { NewPackage } from '../../domain/campaign-package.js';
import * as s from './schemas.js';

export interface ContentUseCases {
  briefs: CreativeBriefing;
  assets: AssetGeneration;
  packages: CampaignPackaging;
}

type IdParams = { id: string };

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

/** The statuses that are a reviewer's decision rather than a step of the writing or generation. */
const BRIEF_DECISIONS: readonly BriefStatus[] = ['approved'];
const ASSET_DECISIONS: readonly AssetStatus[] = ['approved', 'rejected'];

/** 403 unless the caller may take review decisions; the same problem the kit gives for a missing scope. */
function requireApproval(request: FastifyRequest): void {
  if (request.principal?.scopes.includes(SCOPES.approve)) return;
  throw new HttpProblem(403, `token lacks the required scope(s): ${SCOPES.approve}`, {
    type: problemType('insufficient-scope'),
    headers: { 'www-authenticate': `Bearer error="insufficient_scope", scope="${SCOPES.approve}"` },
    extensions: { missingScopes: [SCOPES.approve] },
  });
}
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
        run: (body, request) => briefs.create(tenantOf(request), body),
      },
      list: {
        operationId: 'listBriefs',
        summary: 'List briefs, newest first',
        querystring: s.briefQuery,
        run: (filter, page, request) => briefs.list(tenantOf(request), filter, page),
      },
      get: {
        operationId: 'getBrief',
        summary: 'Get a brief',
        run: (id, request) => briefs.get(tenantOf(request), id),
      },
    });

    api.post<{ Params: IdParams; Body: { status: BriefStatus } }>(
      '/briefs/:id/status-changes',
      {
        config: write,
        schema: {
          tags: ['briefs'],
          operationId: 'changeBriefStatus',
          summary:
            'Approve (needs promptcontent:approve) or archive a brief (assets are generated only from approved briefs)',
          params: s.idParams,
          body: s.briefStatusChange,
          response: { 200: s.brief, ...changeErrors },
        },
      },
      async (request) => {
        const tenantId = tenantOf(request);
        if (BRIEF_DECISIONS.includes(request.body.status)) requireApproval(request);
        return briefs.changeStatus(tenantId, request.params.id, request.body.status);
      },
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
        run: (body, request) => assets.request(tenantOf(request), body),
      },
      list: {
        operationId: 'listAssets',
        summary: 'List asset records by brief, kind, channel, language or status, newest first',
        querystring: s.assetQuery,
        run: (filter, page, request) => assets.list(tenantOf(request), filter, page),
      },
      get: {
        operationId: 'getAsset',
        summary: 'Get an asset record',
        run: (id, request) => assets.get(tenantOf(request), id),
      },
    });

    api.post<{ Params: IdParams; Body: AssetStatusChange }>(
      '/assets/:id/status-changes',
      {
        config: write,
        schema: {
          tags: ['assets'],
          operationId: 'changeAssetStatus',
          summary:
            'Advance an asset through generation: generating, ready (with content), failed; approved or rejected need promptcontent:approve',
          params: s.idParams,
          body: s.assetStatusChange,
          response: { 200: s.asset, ...changeErrors },
        },
      },
      async (request) => {
        const tenantId = tenantOf(request);
        if (ASSET_DECISIONS.includes(request.body.status)) requireApproval(request);
        return assets.changeStatus(tenantId, request.params.id, request.body);
      },
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
        run: (body, request) => packages.assemble(tenantOf(request), body),
      },
      list: {
        operationId: 'listPackages',
        summary: 'List campaign packages by brief, channel or language, newest first',
        querystring: s.packageQuery,
        run: (filter, page, request) => packages.list(tenantOf(request), filter, page),
      },
      get: {
        operationId: 'getPackage',
        summary: 'Get a campaign package with its brief and assets',
        response: s.packageView,
        run: (id, request) => packages.get(tenantOf(request), id),
      },
    });
  };
}
