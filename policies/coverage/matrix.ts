import type { Workspace } from '../engine/model.js';
import type { RuleMetadata } from '../engine/rule.js';
import { byCheck, type CatalogueCheck, codePointCompare } from './catalogue.js';
import { confirm } from './conditions.js';
import type { Declared } from './declarations.js';
import { DATA_PREFIX } from './not-applicable/declaration.js';
import { realizedTypes } from './realized.js';

export type Coverage =
  | { status: 'covered'; rules: string[] }
  | { status: 'not-applicable'; reason: string; evidence: string; file: string }
  | { status: 'gap'; unconfirmed?: { reason: string; evidence: string; file: string } };

export interface CheckCoverage {
  check: CatalogueCheck;
  coverage: Coverage;
}

export interface TypeCoverage {
  type: string;
  /** Set when no block of the type is synthesized but a controller creates it from one of ours. */
  realizedBy?: string;
  /** The scanner checks that list this type, in catalogue order. */
  checks: CheckCoverage[];
}

export interface Matrix {
  /** Every resource type and data source type (`data.<type>`) the stacks synthesize or realize, sorted. */
  types: TypeCoverage[];
  /** Each check that lists at least one synthesized type, once. */
  checks: CheckCoverage[];
  /** Rules that anchor no Checkov or Trivy check. */
  oursOnly: RuleMetadata[];
  /** Catalogue checks on types the stacks do not synthesize, with the rules that anchor them anyway. */
  elsewhere: { check: CatalogueCheck; rules: string[]; notApplicable?: string }[];
  /** Checkov or Trivy anchors of our rules that no catalogue file lists. */
  outsideCatalogue: { anchor: string; rules: string[] }[];
  /** Declarations that are wrong or stale: each fails `--check`. */
  problems: string[];
  summary: { checks: number; covered: number; notApplicable: number; gap: number; rules: number };
}

export interface MatrixInput {
  workspace: Workspace;
  rules: readonly RuleMetadata[];
  catalogue: readonly CatalogueCheck[];
  declarations: readonly Declared[];
}

/** A Checkov (`CKV_…`, `CKV2_…`) or Trivy (`AVD-…`) check id, as rules write them in `anchors`. */
export const SCANNER_ANCHOR = /^(CKV2?_[A-Z0-9]+_\d+|AVD-[A-Z0-9]+-\d+)$/;

export function buildMatrix({ workspace, rules, catalogue, declarations }: MatrixInput): Matrix {
  const realized = realizedTypes(workspace);
  const synthesized = new Set([...synthesizedTypes(workspace), ...realized.keys()]);
  const rulesByAnchor = new Map<string, string[]>();
  for (const rule of rules)
    for (const anchor of rule.anchors)
      rulesByAnchor.set(anchor, [...(rulesByAnchor.get(anchor) ?? []), rule.id]);

  const problems: string[] = [];
  const declaredByCheck = new Map<string, Declared>();
  const catalogued = new Map(catalogue.map((check) => [check.id, check]));
  for (const declared of declarations) {
    const check = catalogued.get(declared.check);
    if (!check) problems.push(`${declared.file}: ${declared.check} is in no catalogue file`);
    else if (declaredByCheck.has(declared.check))
      problems.push(
        `${declared.file}: ${declared.check} is declared twice (also in ${declaredByCheck.get(declared.check)!.file})`,
      );
    else declaredByCheck.set(declared.check, declared);
  }

  const checks: CheckCoverage[] = [];
  const elsewhere: Matrix['elsewhere'] = [];
  for (const check of [...catalogue].map((row) => asSynthesized(row, synthesized)).sort(byCheck)) {
    const covering = [...(rulesByAnchor.get(check.id) ?? [])].sort(codePointCompare);
    const declared = declaredByCheck.get(check.id);
    if (!check.resourceTypes.some((type) => synthesized.has(type))) {
      // Nothing to count, but a declaration made here must still hold.
      const coverage = declared ? coverageOf(check, covering, declared, workspace, problems) : undefined;
      elsewhere.push({
        check,
        rules: covering,
        ...(coverage?.status === 'not-applicable' ? { notApplicable: coverage.reason } : {}),
      });
      continue;
    }
    checks.push({ check, coverage: coverageOf(check, covering, declared, workspace, problems) });
  }

  const types = [...synthesized].sort(codePointCompare).map((type) => ({
    type,
    ...(realized.has(type) ? { realizedBy: realized.get(type)!.by } : {}),
    checks: checks.filter(({ check }) => check.resourceTypes.includes(type)),
  }));
  const count = (status: Coverage['status']) => checks.filter((c) => c.coverage.status === status).length;
  return {
    types,
    checks,
    oursOnly: rules
      .filter((rule) => !rule.anchors.some((anchor) => SCANNER_ANCHOR.test(anchor)))
      .sort((a, b) => codePointCompare(a.id, b.id)),
    elsewhere,
    outsideCatalogue: [...rulesByAnchor]
      .filter(([anchor]) => SCANNER_ANCHOR.test(anchor) && !catalogued.has(anchor))
      .map(([anchor, ids]) => ({ anchor, rules: [...ids].sort(codePointCompare) }))
      .sort((a, b) => codePointCompare(a.anchor, b.anchor)),
    problems,
    summary: {
      checks: checks.length,
      covered: count('covered'),
      notApplicable: count('not-applicable'),
      gap: count('gap'),
      rules: rules.length,
    },
  };
}

function coverageOf(
  check: CatalogueCheck,
  covering: string[],
  declared: Declared | undefined,
  workspace: Workspace,
  problems: string[],
): Coverage {
  if (covering.length > 0) {
    if (declared)
      problems.push(
        `${declared.file}: ${check.id} is covered by ${covering.join(', ')}; remove the not-applicable declaration`,
      );
    return { status: 'covered', rules: covering };
  }
  if (!declared) return { status: 'gap' };
  const { holds, evidence } = confirm(declared.confirmedBy, workspace, check);
  const detail = { reason: declared.reason, evidence, file: declared.file };
  if (holds) return { status: 'not-applicable', ...detail };
  problems.push(`${declared.file}: ${check.id} is declared not applicable, but ${evidence}`);
  return { status: 'gap', unconfirmed: detail };
}

/**
 * The catalogue's types as the matrix keys them. A bare type the stacks synthesize only as a data
 * source is that data source (Checkov's `checks/data` rows name `aws_iam_policy_document`): read as a
 * resource type, its checks would drop out of every count unseen.
 */
function asSynthesized(check: CatalogueCheck, synthesized: Set<string>): CatalogueCheck {
  const resourceTypes = check.resourceTypes.map((type) =>
    !type.startsWith(DATA_PREFIX) && !synthesized.has(type) && synthesized.has(`${DATA_PREFIX}${type}`)
      ? `${DATA_PREFIX}${type}`
      : type,
  );
  return { ...check, resourceTypes };
}

/** Resource types as they are, data source types as `data.<type>`. */
export function synthesizedTypes(workspace: Workspace): Set<string> {
  const types = new Set<string>();
  for (const stack of workspace.stacks) {
    for (const resource of stack.resources) types.add(resource.type);
    for (const data of stack.dataSources) types.add(`${DATA_PREFIX}${data.type}`);
  }
  return types;
}
