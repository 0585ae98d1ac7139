import type { Workspace } from '../engine/model.js';
import type { RuleMetadata } from '../engine/rule.js';
import { readCatalogue } from './catalogue.js';
import { loadDeclarations } from './declarations.js';
import { buildMatrix, type Matrix } from './matrix.js';

export const CATALOGUE_DIR = 'policies/coverage/catalogue';
export const NOT_APPLICABLE_DIR = 'policies/coverage/not-applicable';

/** The matrix of a synthesized output against the repository's catalogue and declarations. */
export async function coverageMatrix(input: {
  workspace: Workspace;
  rules: readonly RuleMetadata[];
  catalogueDir?: string;
  notApplicableDir?: string;
}): Promise<Matrix> {
  return buildMatrix({
    workspace: input.workspace,
    rules: input.rules,
    catalogue: readCatalogue(input.catalogueDir ?? CATALOGUE_DIR),
    declarations: await loadDeclarations(input.notApplicableDir ?? NOT_APPLICABLE_DIR),
  });
}
