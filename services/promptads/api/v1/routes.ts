import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CURSOR_PART, decodeCursor, scopeConfigs } from '../../../kit/index.js';
import type {
  CampaignPlanning,
  NewAudience,
  NewBiddingRule,
  NewCampaign,
  NewExperiment,
} from '../../application/campaign-planning.js';
import type { CampaignChanges } from '../../application/ports.js';
import type { CampaignStatus } from '../../domain/campaign.js';
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

const actorOf = (request: FastifyRequest): Actor => ({
  subject: request.principal?.subject ?? 'unknown',
  requestId: request.id,
});

const campaignIdOf = (request: FastifyRequest) => (request.params as { campaignId: string }).campaignId;

const BY_CREATION = { sortKey: CURSOR_PART.timestamp, id: CURSOR_PART.uuid };
const BY_SEQUENCE = { sortKey: CURSOR_PART.integer, id: CURSOR_PART.integer };

function pageOf(request: FastifyRequest, shape = BY_CREATION) {
  const { limit, cursor } = request.query as { limit: number; cursor?: string };
  return { limit, after: decodeCursor(cursor, shape) };
}

/** PromptAds API v1: campaigns and their targeting, bidding rules, experiments and compliance trail. */
export function promptAdsRoutes(planning: CampaignPlanning) {
  return async (api: FastifyInstance) => {
    api.post(
      '/campaigns',
      {
        config: write,
        schema: {
          tags: ['campaigns'],
          operationId: 'createCampaign',
          summary: 'Create a draft campaign for an account whose plan includes campaigns',
          description:
            'Creates a draft campaign once Business confirms the account’s plan includes promptads.campaigns.',
          body: createCampaignBody,
          response: { 201: campaign, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await planning.create(request.body as NewCampaign, actorOf(request))),
    );

    api.get(
      '/campaigns',
      {
        config: read,
        schema: {
          tags: ['campaigns'],
          operationId: 'listCampaigns',
          summary: 'List campaigns by account, status, channel or objective, newest first',
          querystring: campaignListQuery,
          response: paged(campaign),
        },
      },
      async (request) => {
        const query = request.query as {
          accountId?: string;
          status?: CampaignStatus;
          channel?: string;
          objective?: string;
        };
        return planning.list({
          accountId: query.accountId,
          status: query.status,
          channel: query.channel,
          objective: query.objective,
          ...pageOf(request),
        });
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
      async (request) => planning.get(campaignIdOf(request)),
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
      async (request) =>
        planning.update(
          campaignIdOf(request),
          request.body as Omit<CampaignChanges, 'status'>,
          actorOf(request),
        ),
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
          campaignIdOf(request),
          (request.body as { status: CampaignStatus }).status,
          actorOf(request),
        ),
    );

    api.post(
      '/campaigns/:campaignId/audiences',
      {
        config: write,
        schema: {
          tags: ['targeting'],
          operationId: 'addAudience',
          summary: 'Add a target audience to a campaign',
          params: campaignParams,
          body: createAudienceBody,
          response: { 201: audience, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await planning.addAudience(campaignIdOf(request), request.body as NewAudience, actorOf(request)),
          ),
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
      async (request) => planning.listAudiences(campaignIdOf(request), pageOf(request)),
    );

    api.post(
      '/campaigns/:campaignId/bidding-rules',
      {
        config: write,
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
              campaignIdOf(request),
              request.body as NewBiddingRule,
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
      async (request) => planning.listBiddingRules(campaignIdOf(request), pageOf(request)),
    );

    api.post(
      '/campaigns/:campaignId/experiments',
      {
        config: write,
        schema: {
          tags: ['experiments'],
          operationId: 'addExperiment',
          summary: 'Add an A/B experiment to a campaign',
          description: 'Requires the promptads.experiments feature in the account’s plan.',
          params: campaignParams,
          body: createExperimentBody,
          response: { 201: experiment, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await planning.addExperiment(
              campaignIdOf(request),
              request.body as NewExperiment,
              actorOf(request),
            ),
          ),
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
      async (request) => planning.listExperiments(campaignIdOf(request), pageOf(request)),
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
      async (request) => planning.complianceLog(campaignIdOf(request), pageOf(request, BY_SEQUENCE)),
    );
  };
}
