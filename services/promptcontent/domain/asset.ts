import { ConflictError, UnprocessableError } from '../../kit/domain-errors.js';

export const ASSET_KINDS = ['text', 'image', 'video'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

export const CHANNELS = [
  'facebook',
  'instagram',
  'tiktok',
  'youtube',
  'linkedin',
  'x',
  'google-ads',
  'email',
  'web',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** BCP 47 language tag with an optional region: es, es-CR, pt-BR. */
export const LANGUAGE_PATTERN = '^[a-z]{2,3}(-[A-Z]{2})?$';

export const ASSET_STATUSES = ['requested', 'generating', 'ready', 'failed', 'approved', 'rejected'] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];

const ASSET_TRANSITIONS: Readonly<Record<AssetStatus, readonly AssetStatus[]>> = {
  requested: ['generating', 'failed'],
  generating: ['ready', 'failed'],
  ready: ['approved', 'rejected'],
  failed: ['requested'],
  rejected: ['requested'],
  approved: [],
};

export const VIDEO_FORMATS = ['mp4', 'webm', 'mov'] as const;
export const ASPECT_RATIOS = ['16:9', '9:16', '1:1', '4:5'] as const;

export interface TextContent {
  headline: string | null;
  body: string;
}

export interface ImageContent {
  uri: string;
  width: number;
  height: number;
  altText: string;
}

export interface VideoContent {
  uri: string;
  durationSeconds: number;
  format: (typeof VIDEO_FORMATS)[number];
  aspectRatio: (typeof ASPECT_RATIOS)[number];
}

/** Exactly one variant, named after the asset's kind. */
export type AssetContent = { text: TextContent } | { image: ImageContent } | { video: VideoContent };

/** Content as a request carries it: the variants by name, of which exactly one must be present. */
export interface ContentVariants {
  text?: TextContent | undefined;
  image?: ImageContent | undefined;
  video?: VideoContent | undefined;
}

/** The one variant `content` names; 422 when it names none or several. */
export function singleVariant(content: ContentVariants): AssetContent {
  const variants: AssetContent[] = [];
  if (content.text) variants.push({ text: content.text });
  if (content.image) variants.push({ image: content.image });
  if (content.video) variants.push({ video: content.video });
  if (variants.length !== 1) {
    throw new UnprocessableError('content', 'content must hold exactly one of text, image or video');
  }
  return variants[0]!;
}

/** A generated piece of content for one channel and language, tracked through its generation status. */
export interface GeneratedAsset {
  id: string;
  briefId: string;
  kind: AssetKind;
  channel: Channel;
  language: string;
  status: AssetStatus;
  prompt: string | null;
  content: AssetContent | null;
  failureReason: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewAsset {
  briefId: string;
  kind: AssetKind;
  channel: Channel;
  language: string;
  prompt?: string | null;
}

export interface AssetStatusChange {
  status: AssetStatus;
  content?: ContentVariants | undefined;
  failureReason?: string | undefined;
}

export function contentKind(content: AssetContent): AssetKind {
  if ('text' in content) return 'text';
  if ('image' in content) return 'image';
  return 'video';
}

/** Applies a status change to an asset, enforcing the generation workflow; returns the new state. */
export function changeAssetStatus(
  asset: GeneratedAsset,
  change: AssetStatusChange,
  now: Date,
): GeneratedAsset {
  if (!ASSET_TRANSITIONS[asset.status].includes(change.status)) {
    throw new ConflictError(`an asset cannot move from ${asset.status} to ${change.status}`);
  }
  if (change.content !== undefined && change.status !== 'ready') {
    throw new UnprocessableError('content', 'content is accepted only when the asset becomes ready');
  }
  let content: AssetContent | null = null;
  if (change.status === 'ready') {
    if (change.content === undefined)
      throw new UnprocessableError('content', 'a ready asset needs its content');
    content = singleVariant(change.content);
    if (contentKind(content) !== asset.kind) {
      throw new UnprocessableError('content', `a ${asset.kind} asset needs ${asset.kind} content`);
    }
  }
  if (change.failureReason !== undefined && change.status !== 'failed') {
    throw new UnprocessableError('failureReason', 'failureReason is accepted only when the asset fails');
  }
  const regenerating = change.status === 'requested';
  return {
    ...asset,
    status: change.status,
    content: content ?? (regenerating ? null : asset.content),
    failureReason: change.status === 'failed' ? (change.failureReason ?? null) : null,
    version: asset.version + 1,
    updatedAt: now,
  };
}
