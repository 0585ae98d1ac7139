import type { FastifyRequest } from 'fastify';
import {
  CURSOR_PART,
  decodeCursor,
  NotFoundError,
  type ServiceApi,
  scopeConfigs,
  tenantOf,
  translateDomainErrors,
} from '../../../kit/index.js';
import type { CampaignPlanning } from '../../application/campaign-planning.js';
import type { Actor } from '../../domain/compliance.js';
import {
  audience,
  biddingRule,
  campaign,
  campaignListQuery,
  campaignParams,
  complianceEntry,
  createAudienceBody,
  createBiddingRuleBody,
  createCampaignBody,
  createExperimentBody,
  errors,
  experiment,
  paged,
  pageQuery,
  statusBody,
  updateCampaignBody,
} from './schemas.js';

export const SCOPES = { read: 'promptads:read', write: 'promptads:write' } as const;

const { read, write } = scopeConfigs(SCOPES);
/** Creating POSTs honour an Idempotency-Key when the client sends one. */
const create = { ...write, idempotency: 'optional' as const };

const actorOf = (request: FastifyRequest): Actor => ({
  subject: request.principal?.subject ?? 'unknown',
  requestId: request.id,
});

const BY_CREATION = { sortKey: CURSOR_PART.timestamp, id: CURSOR_PART.uuid };
const BY_SEQUENCE = { sortKey: CURSOR_PART.integer, id: CURSOR_PART.integer };

const pageOf = (query: { limit: number; cursor?: string }, shape = BY_CREATION) => ({
  limit: query.limit,
  after: decodeCursor(query.cursor, shape),
});

/** PromptAds API v1: campaigns and their targeting, bidding rules, experiments and compliance trail. */
export function promptAdsRoutes(planning: CampaignPlanning) {
  return async (api: ServiceApi) => {
    translateDomainErrors(api);

    api.post(
      '/campaigns',
      {
        config: create,
        schema: {
          tags: ['campaigns'],
          operationId: 'createCampaign',
          summary: 'Create a draft campaign for an account whose plan includes campaigns',
          description:
            'Creates a draft campaign for the token’s tenant once Business confirms its paid-up plan includes promptads.campaigns.',
          body: createCampaignBody,
          response: { 201: campaign, ...errors },
        },
      },
      async (request, reply) => {
        const tenantId = tenantOf(request);
        const { accountId = tenantId, kpis, channels, formats, ...fields } = request.body;
        if (accountId !== tenantId) throw new NotFoundError('account', accountId);
        const input = { ...fields, kpis: [...kpis], channels: [...channels], formats: [...formats] };
        return reply.code(201).send(await planning.create(tenantId, input, actorOf(request)));
      },
    );

    api.get(
      '/campaigns',
      {
        config: read,
        schema: {
          tags: ['campaigns'],
          operationId: 'listCampaigns',
          summary: 'List the tenant’s campaigns by status, channel or objective, newest first',
          querystring: campaignListQuery,
          response: paged(campaign),
        },
      },
      async (request) => {
        const { status, channel, objective } = request.query;
        return planning.list(tenantOf(request), { status, channel, objective, ...pageOf(request.query) });
      },
    );

    api.get(
      '/campaigns/:campaignId',
      {
        config: read,
        schema: {
          tags: ['campaigns'],
          operationId: 'getCampaign',
          summary: 'Get a campaign',
          params: campaignParams,
          response: { 200: campaign, ...errors },
        },
      },
      async (request) => planning.get(tenantOf(request), request.params.campaignId),
    );

    api.patch(
      '/campaigns/:campaignId',
      {
        config: write,
        schema: {
          tags: ['campaigns'],
          operationId: 'updateCampaign',
          summary: 'Change some of a campaign’s fields',
          params: campaignParams,
          body: updateCampaignBody,
          response: { 200: campaign, ...errors },
        },
      },
      async (request) => {
        const { kpis, channels, formats, ...fields } = request.body;
        const changes = {
          ...fields,
          ...(kpis ? { kpis: [...kpis] } : {}),
          ...(channels ? { channels: [...channels] } : {}),
          ...(formats ? { formats: [...formats] } : {}),
        };
        return planning.update(tenantOf(request), request.params.campaignId, changes, actorOf(request));
      },
    );

    api.post(
      '/campaigns/:campaignId/status',
      {
        config: write,
        schema: {
          tags: ['campaigns'],
          operationId: 'changeCampaignStatus',
          summary: 'Move a campaign to another status (recorded in its compliance log)',
          params: campaignParams,
          body: statusBody,
          response: { 200: campaign, ...errors },
        },
      },
      async (request) =>
        planning.changeStatus(
          tenantOf(request),
          request.params.campaignId,
          request.body.status,
          actorOf(request),
        ),
    );

    api.post(
      '/campaigns/:campaignId/audiences',
      {
        config: create,
        schema: {
          tags: ['targeting'],
          operationId: 'addAudience',
          summary: 'Add a target audience to a campaign',
          params: campaignParams,
          body: createAudienceBody,
          response: { 201: audience, ...errors },
        },
      },
      async (request, reply) => {
        const { genders, locations, interests, behaviours, ...fields } = request.body;
        const input = {
          ...fields,
          genders: [...genders],
          locations: [...locations],
          interests: [...interests],
          behaviours: [...behaviours],
        };
        return reply
          .code(201)
          .send(
            await planning.addAudience(tenantOf(request), request.params.campaignId, input, actorOf(request)),
          );
      },
    );

    api.get(
      '/campaigns/:campaignId/audiences',
      {
        config: read,
        schema: {
          tags: ['targeting'],
          operationId: 'listAudiences',
          summary: 'List a campaign’s target audiences',
          params: campaignParams,
          querystring: pageQuery,
          response: paged(audience),
        },
      },
      async (request) =>
        planning.listAudiences(tenantOf(request), request.params.campaignId, pageOf(request.query)),
    );

    api.post(
      '/campaigns/:campaignId/bidding-rules',
      {
        config: create,
        schema: {
          tags: ['bidding'],
          operationId: 'addBiddingRule',
          summary: 'Add a bidding rule to a campaign',
          params: campaignParams,
          body: createBiddingRuleBody,
          response: { 201: biddingRule, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await planning.addBiddingRule(
              tenantOf(request),
              request.params.campaignId,
              request.body,
              actorOf(request),
            ),
          ),
    );

    api.get(
      '/campaigns/:campaignId/bidding-rules',
      {
        config: read,
        schema: {
          tags: ['bidding'],
          operationId: 'listBiddingRules',
          summary: 'List a campaign’s bidding rules',
          params: campaignParams,
          querystring: pageQuery,
          response: paged(biddingRule),
        },
      },
      async (request) =>
        planning.listBiddingRules(tenantOf(request), request.params.campaignId, pageOf(request.query)),
    );

    api.post(
      '/campaigns/:campaignId/experiments',
      {
        config: create,
        schema: {
          tags: ['experiments'],
          operationId: 'addExperiment',
          summary: 'Add an A/B experiment to a campaign',
          description: 'Requires the promptads.experiments feature in the tenant’s plan.',
          params: campaignParams,
          body: createExperimentBody,
          response: { 201: experiment, ...errors },
        },
      },
      async (request, reply) => {
        const input = { ...request.body, variants: [...request.body.variants] };
        return reply
          .code(201)
          .send(
            await planning.addExperiment(
              tenantOf(request),
              request.params.campaignId,
              input,
              actorOf(request),
            ),
          );
      },
    );

    api.get(
      '/campaigns/:campaignId/experiments',
      {
        config: read,
        schema: {
          tags: ['experiments'],
          operationId: 'listExperiments',
          summary: 'List a campaign’s experiments',
          params: campaignParams,
          querystring: pageQuery,
          response: paged(experiment),
        },
      },
      async (request) =>
        planning.listExperiments(tenantOf(request), request.params.campaignId, pageOf(request.query)),
    );

    api.get(
      '/campaigns/:campaignId/compliance-log',
      {
        config: read,
        schema: {
          tags: ['compliance'],
          operationId: 'listComplianceEntries',
          summary: 'List a campaign’s compliance log in the order it was written',
          params: campaignParams,
          querystring: pageQuery,
          response: paged(complianceEntry),
        },
      },
      async (request) =>
        planning.complianceLog(
          tenantOf(request),
          request.params.campaignId,
          pageOf(request.query, BY_SEQUENCE),
        ),
    );
  };
}
