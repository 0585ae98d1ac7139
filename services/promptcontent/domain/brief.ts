import { ConflictError } from '../../kit/domain-errors.js';

export const TONES = [
  'formal',
  'friendly',
  'playful',
  'inspirational',
  'authoritative',
  'urgent',
  'empathetic',
] as const;
export type Tone = (typeof TONES)[number];

export const BRIEF_STATUSES = ['draft', 'approved', 'archived'] as const;
export type BriefStatus = (typeof BRIEF_STATUSES)[number];

const BRIEF_TRANSITIONS: Readonly<Record<BriefStatus, readonly BriefStatus[]>> = {
  draft: ['approved', 'archived'],
  approved: ['archived'],
  archived: [],
};

export interface Audience {
  description: string;
  segments: string[];
  /** BCP 47 language tags the audience is addressed in, e.g. es-CR. */
  locales: string[];
}

/** Creative Briefing: what the client wants, for whom, in which voice and within which guidelines. */
export interface CreativeBrief {
  id: string;
  /** The customer account the brief belongs to (an id in PromptCrm), when known. */
  accountId: string | null;
  name: string;
  objectives: string[];
  audience: Audience;
  tone: Tone;
  guidelines: string[];
  status: BriefStatus;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewBrief {
  accountId?: string | null;
  name: string;
  objectives: string[];
  audience: Audience;
  tone: Tone;
  guidelines?: string[];
}

export function assertBriefTransition(from: BriefStatus, to: BriefStatus): void {
  if (BRIEF_TRANSITIONS[from].includes(to)) return;
  throw new ConflictError(`a brief cannot move from ${from} to ${to}`);
}
