import type { FastifyInstance } from 'fastify';
import {
  created,
  pageSchema,
  routeProblems,
  scopeConfigs,
  translateDomainErrors,
} from '../../../kit/index.js';
import type { AssetGeneration } from '../../application/asset-generation.js';
import type { CampaignPackaging } from '../../application/campaign-packaging.js';
import type { CreativeBriefing } from '../../application/creative-briefing.js';
import type { PageRequest } from '../../application/pagination.js';
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
const { read, write } = scopeConfigs(SCOPES);

const { list: listErrors, lookup: lookupErrors, create: writeErrors, change: changeErrors } = routeProblems;

function split<F>(query: F & PageRequest): { filter: F; page: PageRequest } {
  const { limit, cursor, ...filter } = query;
  return { filter: filter as F, page: { limit, cursor } };
}

/** PromptContent v1: creative briefs, generated asset records and campaign packages. */
export function contentRoutes(useCases: ContentUseCases) {
  const { briefs, assets, packages } = useCases;

  return async function routes(api: FastifyInstance): Promise<void> {
    translateDomainErrors(api);

    api.post<{ Body: NewBrief }>(
      '/briefs',
      {
        config: write,
        schema: {
          tags: ['briefs'],
          summary: 'Create a creative brief (objectives, audience, tone, guidelines) as a draft',
          body: s.newBrief,
          response: { 201: s.brief, ...writeErrors },
        },
      },
      async (request, reply) => {
        const brief = await briefs.create(request.body);
        return created(reply, request, brief.id).send(brief);
      },
    );

    api.get<{ Querystring: BriefFilter & PageRequest }>(
      '/briefs',
      {
        config: read,
        schema: {
          tags: ['briefs'],
          summary: 'List briefs, newest first',
          querystring: s.briefQuery,
          response: { 200: pageSchema(s.brief), ...listErrors },
        },
      },
      async (request) => {
        const { filter, page } = split(request.query);
        return briefs.list(filter, page);
      },
    );

    api.get<{ Params: IdParams }>(
      '/briefs/:id',
      {
        config: read,
        schema: {
          tags: ['briefs'],
          summary: 'Get a brief',
          params: s.idParams,
          response: { 200: s.brief, ...lookupErrors },
        },
      },
      async (request) => briefs.get(request.params.id),
    );

    api.post<{ Params: IdParams; Body: { status: BriefStatus } }>(
      '/briefs/:id/status-changes',
      {
        config: write,
        schema: {
          tags: ['briefs'],
          summary: 'Approve or archive a brief (assets are generated only from approved briefs)',
          params: s.idParams,
          body: s.briefStatusChange,
          response: { 200: s.brief, ...changeErrors },
        },
      },
      async (request) => briefs.changeStatus(request.params.id, request.body.status),
    );

    api.post<{ Body: NewAsset }>(
      '/assets',
      {
        config: write,
        schema: {
          tags: ['assets'],
          summary: 'Request a generated asset (text, image or video) for a channel and language',
          body: s.newAsset,
          response: { 201: s.asset, ...writeErrors },
        },
      },
      async (request, reply) => {
        const asset = await assets.request(request.body);
        return created(reply, request, asset.id).send(asset);
      },
    );

    api.get<{ Querystring: AssetFilter & PageRequest }>(
      '/assets',
      {
        config: read,
        schema: {
          tags: ['assets'],
          summary: 'List asset records by brief, kind, channel, language or status, newest first',
          querystring: s.assetQuery,
          response: { 200: pageSchema(s.asset), ...listErrors },
        },
      },
      async (request) => {
        const { filter, page } = split(request.query);
        return assets.list(filter, page);
      },
    );

    api.get<{ Params: IdParams }>(
      '/assets/:id',
      {
        config: read,
        schema: {
          tags: ['assets'],
          summary: 'Get an asset record',
          params: s.idParams,
          response: { 200: s.asset, ...lookupErrors },
        },
      },
      async (request) => assets.get(request.params.id),
    );

    api.post<{ Params: IdParams; Body: AssetStatusChange }>(
      '/assets/:id/status-changes',
      {
        config: write,
        schema: {
          tags: ['assets'],
          summary:
            'Advance an asset through generation: generating, ready (with content), failed, approved, rejected',
          params: s.idParams,
          body: s.assetStatusChange,
          response: { 200: s.asset, ...changeErrors },
        },
      },
      async (request) => assets.changeStatus(request.params.id, request.body),
    );

    api.post<{ Body: NewPackage }>(
      '/packages',
      {
        config: write,
        schema: {
          tags: ['packages'],
          summary: "Group a brief's approved assets into a campaign package",
          body: s.newPackage,
          response: { 201: s.campaignPackage, ...writeErrors },
        },
      },
      async (request, reply) => {
        const campaignPackage = await packages.assemble(request.body);
        return created(reply, request, campaignPackage.id).send(campaignPackage);
      },
    );

    api.get<{ Querystring: PackageFilter & PageRequest }>(
      '/packages',
      {
        config: read,
        schema: {
          tags: ['packages'],
          summary: 'List campaign packages by brief, channel or language, newest first',
          querystring: s.packageQuery,
          response: { 200: pageSchema(s.campaignPackage), ...listErrors },
        },
      },
      async (request) => {
        const { filter, page } = split(request.query);
        return packages.list(filter, page);
      },
    );

    api.get<{ Params: IdParams }>(
      '/packages/:id',
      {
        config: read,
        schema: {
          tags: ['packages'],
          summary: 'Get a campaign package with its brief and assets',
          params: s.idParams,
          response: { 200: s.packageView, ...lookupErrors },
        },
      },
      async (request) => packages.get(request.params.id),
    );
  };
}
