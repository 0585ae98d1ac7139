import {
  enumOf,
  idParams as idParamsOf,
  listQuery,
  nullableUuidSchema as nullableUuid,
  timestampSchema as timestamp,
  uuidSchema as uuid,
} from '../../../kit/index.js';
import {
  ASPECT_RATIOS,
  ASSET_KINDS,
  ASSET_STATUSES,
  CHANNELS,
  LANGUAGE_PATTERN,
  VIDEO_FORMATS,
} from '../../domain/asset.js';
import { BRIEF_STATUSES, TONES } from '../../domain/brief.js';

/** JSON schemas of PromptContent v1: they validate requests, shape responses and feed the OpenAPI document. */
const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength, pattern: '\\S' }) as const;
const language = { type: 'string', pattern: LANGUAGE_PATTERN } as const;
const stringList = (maxItems: number, maxLength: number, minItems = 0) =>
  ({ type: 'array', items: text(maxLength), minItems, maxItems }) as const;

export const idParams = idParamsOf();

// Briefs
const audience = {
  type: 'object',
  properties: {
    description: text(1000),
    segments: stringList(20, 100),
    locales: { type: 'array', items: language, minItems: 1, maxItems: 20, uniqueItems: true },
  },
  required: ['description', 'segments', 'locales'],
  additionalProperties: false,
} as const;

export const brief = {
  type: 'object',
  properties: {
    id: uuid,
    accountId: nullableUuid,
    name: { type: 'string' },
    objectives: { type: 'array', items: { type: 'string' } },
    audience,
    tone: enumOf(TONES),
    guidelines: { type: 'array', items: { type: 'string' } },
    status: enumOf(BRIEF_STATUSES),
    version: { type: 'integer' },
    createdAt: timestamp,
    updatedAt: timestamp,
  },
  required: [
    'id',
    'accountId',
    'name',
    'objectives',
    'audience',
    'tone',
    'guidelines',
    'status',
    'version',
    'createdAt',
    'updatedAt',
  ],
} as const;

export const newBrief = {
  type: 'object',
  properties: {
    accountId: nullableUuid,
    name: text(200),
    objectives: stringList(10, 500, 1),
    audience,
    tone: enumOf(TONES),
    guidelines: stringList(30, 1000),
  },
  required: ['name', 'objectives', 'audience', 'tone'],
  additionalProperties: false,
} as const;

export const briefQuery = listQuery({ status: enumOf(BRIEF_STATUSES), tone: enumOf(TONES), accountId: uuid });

export const briefStatusChange = {
  type: 'object',
  properties: { status: enumOf(['approved', 'archived']) },
  required: ['status'],
  additionalProperties: false,
} as const;

// Assets
const uri = { type: 'string', format: 'uri', pattern: '^(https|s3)://', maxLength: 2048 } as const;

const textContent = {
  type: 'object',
  properties: { headline: { type: ['string', 'null'], maxLength: 300 }, body: text(20_000) },
  required: ['headline', 'body'],
  additionalProperties: false,
} as const;

const imageContent = {
  type: 'object',
  properties: {
    uri,
    width: { type: 'integer', minimum: 1, maximum: 20_000 },
    height: { type: 'integer', minimum: 1, maximum: 20_000 },
    altText: text(500),
  },
  required: ['uri', 'width', 'height', 'altText'],
  additionalProperties: false,
} as const;

const videoContent = {
  type: 'object',
  properties: {
    uri,
    durationSeconds: { type: 'number', exclusiveMinimum: 0, maximum: 3_600 },
    format: enumOf(VIDEO_FORMATS),
    aspectRatio: enumOf(ASPECT_RATIOS),
  },
  required: ['uri', 'durationSeconds', 'format', 'aspectRatio'],
  additionalProperties: false,
} as const;

/** Exactly one of text, image or video, matching the asset's kind. */
const assetContent = {
  type: 'object',
  properties: { text: textContent, image: imageContent, video: videoContent },
  minProperties: 1,
  maxProperties: 1,
  additionalProperties: false,
} as const;

export const asset = {
  type: 'object',
  properties: {
    id: uuid,
    briefId: uuid,
    kind: enumOf(ASSET_KINDS),
    channel: enumOf(CHANNELS),
    language: { type: 'string' },
    status: enumOf(ASSET_STATUSES),
    prompt: { type: ['string', 'null'] },
    content: { ...assetContent, type: ['object', 'null'] },
    failureReason: { type: ['string', 'null'] },
    version: { type: 'integer' },
    createdAt: timestamp,
    updatedAt: timestamp,
  },
  required: [
    'id',
    'briefId',
    'kind',
    'channel',
    'language',
    'status',
    'prompt',
    'content',
    'failureReason',
    'version',
    'createdAt',
    'updatedAt',
  ],
} as const;

export const newAsset = {
  type: 'object',
  properties: {
    briefId: uuid,
    kind: enumOf(ASSET_KINDS),
    channel: enumOf(CHANNELS),
    language,
    prompt: { type: ['string', 'null'], maxLength: 4000 },
  },
  required: ['briefId', 'kind', 'channel', 'language'],
  additionalProperties: false,
} as const;

export const assetQuery = listQuery({
  briefId: uuid,
  kind: enumOf(ASSET_KINDS),
  channel: enumOf(CHANNELS),
  language,
  status: enumOf(ASSET_STATUSES),
});

export const assetStatusChange = {
  type: 'object',
  properties: {
    status: enumOf(ASSET_STATUSES),
    content: assetContent,
    failureReason: text(1000),
  },
  required: ['status'],
  additionalProperties: false,
} as const;

// Packages
export const campaignPackage = {
  type: 'object',
  properties: {
    id: uuid,
    briefId: uuid,
    name: { type: 'string' },
    assetIds: { type: 'array', items: uuid },
    channels: { type: 'array', items: enumOf(CHANNELS) },
    languages: { type: 'array', items: { type: 'string' } },
    createdAt: timestamp,
    updatedAt: timestamp,
  },
  required: ['id', 'briefId', 'name', 'assetIds', 'channels', 'languages', 'createdAt', 'updatedAt'],
} as const;

export const packageView = {
  ...campaignPackage,
  properties: {
    ...campaignPackage.properties,
    brief,
    assets: { type: 'array', items: asset },
  },
  required: [...campaignPackage.required, 'brief', 'assets'],
} as const;

export const newPackage = {
  type: 'object',
  properties: {
    briefId: uuid,
    name: text(200),
    assetIds: { type: 'array', items: uuid, minItems: 1, maxItems: 100, uniqueItems: true },
  },
  required: ['briefId', 'name', 'assetIds'],
  additionalProperties: false,
} as const;

export const packageQuery = listQuery({ briefId: uuid, channel: enumOf(CHANNELS), language });
