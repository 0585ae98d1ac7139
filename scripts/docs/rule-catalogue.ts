import type { Rule } from '../../policies/engine/rule.js';
import { rulesInPack } from '../../policies/packs.js';
import { RULES } from '../../policies/rules/index.js';
import type { FigureSource } from './sources.js';

export interface CatalogueRule {
  id: string;
  severity: string;
  title: string;
  resourceTypes: readonly string[];
  section: string | null;
  anchors: readonly string[];
  parameters: string | null;
  packs: string[];
}

const parameterText = (rule: Rule): string | null => {
  const entries = Object.entries(rule.parameters);
  if (entries.length === 0) return null;
  return entries
    .map(([name, value]) => `${name}=${typeof value === 'number' ? value : JSON.stringify(value)}`)
    .join(', ');
};

/** The policy rules as the docs list them: counts per pack and one row per rule. */
export function ruleCatalogue(rules: readonly Rule[] = RULES): FigureSource {
  const nfr = new Set(rulesInPack('nfr', rules));
  const aws = new Set(rulesInPack('aws', rules));
  const catalogue: CatalogueRule[] = rules.map((rule) => ({
    id: rule.id,
    severity: rule.severity,
    title: rule.title,
    resourceTypes: rule.resourceTypes,
    section: rule.requirement?.section ?? null,
    anchors: rule.anchors,
    parameters: parameterText(rule),
    packs: ['all', ...(nfr.has(rule) ? ['nfr'] : []), ...(aws.has(rule) ? ['aws'] : [])],
  }));
  return {
    file: 'policies/rules/index.ts',
    data: { count: rules.length, packs: { nfr: nfr.size, aws: aws.size }, rules: catalogue },
  };
}
