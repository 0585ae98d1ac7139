import { ConflictError, UnprocessableError } from '../../kit/domain-errors.js';
import type { Channel, GeneratedAsset } from './asset.js';

/** Campaign Generation: a brief's approved assets grouped into one deliverable. */
export interface CampaignPackage {
  id: string;
  briefId: string;
  name: string;
  assetIds: string[];
  /** Channels and languages the package covers, derived from its assets (used to filter packages). */
  channels: Channel[];
  languages: string[];
  createdAt: Date;
  updatedAt: Date;
}

export interface NewPackage {
  briefId: string;
  name: string;
  assetIds: string[];
}

/** Checks that every requested asset was found, belongs to the brief and is approved. */
export function assemblePackage(
  input: NewPackage,
  assets: GeneratedAsset[],
  identity: { id: string; now: Date },
): CampaignPackage {
  const found = new Map(assets.map((asset) => [asset.id, asset]));
  const missing = input.assetIds.filter((id) => !found.has(id));
  if (missing.length > 0) throw new UnprocessableError('assetIds', `assets not found: ${missing.join(', ')}`);
  const foreign = assets.filter((asset) => asset.briefId !== input.briefId).map((asset) => asset.id);
  if (foreign.length > 0) {
    throw new UnprocessableError('assetIds', `assets belong to another brief: ${foreign.join(', ')}`);
  }
  const unapproved = assets.filter((asset) => asset.status !== 'approved').map((asset) => asset.id);
  if (unapproved.length > 0) throw new ConflictError(`assets are not approved yet: ${unapproved.join(', ')}`);
  const ordered = input.assetIds.map((id) => found.get(id)!);
  return {
    id: identity.id,
    briefId: input.briefId,
    name: input.name.trim(),
    assetIds: [...input.assetIds],
    channels: [...new Set(ordered.map((asset) => asset.channel))].sort(),
    languages: [...new Set(ordered.map((asset) => asset.language))].sort(),
    createdAt: identity.now,
    updatedAt: identity.now,
  };
}
