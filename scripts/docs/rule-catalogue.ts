import type { Rule } from '../../policies/engine/rule.js';
import { PACKS, rulesInPack } from '../../policies/packs.js';
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

/** The policy rules as the docs list them: how many each pack holds and one row per rule. */
export function ruleCatalogue(rules: readonly Rule[] = RULES): FigureSource {
  const packs = PACKS.map((pack) => ({ pack, members: new Set(rulesInPack(pack, rules)) }));
  const catalogue: CatalogueRule[] = rules.map((rule) => ({
    id: rule.id,
    severity: rule.severity,
    title: rule.title,
    resourceTypes: rule.resourceTypes,
    section: rule.requirement?.section ?? null,
    anchors: rule.anchors,
    parameters: parameterText(rule),
    packs: packs.filter(({ members }) => members.has(rule)).map(({ pack }) => pack),
  }));
  return {
    file: 'policies/rules/index.ts',
    data: {
      count: rules.length,
      packs: Object.fromEntries(packs.map(({ pack, members }) => [pack, members.size])),
      rules: catalogue,
    },
  };
}
