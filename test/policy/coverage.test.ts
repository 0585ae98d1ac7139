import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CatalogueCheck, parseCatalogueFile, readCatalogue } from '../../policies/coverage/catalogue.js';
import { declarationsOf, loadDeclarations } from '../../policies/coverage/declarations.js';
import { buildMatrix, type MatrixInput } from '../../policies/coverage/matrix.js';
import { firstDifferences, renderMatrix } from '../../policies/coverage/render.js';
import type { RuleMetadata } from '../../policies/engine/rule.js';
import { removeTemporaryDirs, temporaryDir, workspaceOf, writeOutput } from './fixture.js';

afterAll(removeTemporaryDirs);

const HEADER = '# source: hand-made fixture\nscanner\tid\tresource_types\ttitle\tseverity\n';
const tsv = (rows: string[][]) => HEADER + rows.map((row) => row.join('\t')).join('\n');

/** The fixture, written once as data; each expectation below is derived from these lists. */
const CHECKS = [
  ['checkov', 'CKV_T_1', 'aws_vpc', 'VPC check a rule covers', ''],
  ['checkov', 'CKV_T_2', 'aws_vpc,aws_cloudtrail', 'reports on a type never synthesized', ''],
  ['trivy', 'AVD-T-0003', 'aws_widget', 'widget check declared n/a although the attribute is set', 'HIGH'],
  ['trivy', 'AVD-T-0004', 'aws_widget', 'widget check nobody answers', 'LOW'],
  ['checkov', 'CKV_T_5', 'aws_cloudtrail', 'check on a type the stacks lack', ''],
  ['checkov', 'CKV_T_6', 'data.aws_iam_policy_document', 'data source check a rule covers', ''],
];
const RULE_ANCHORS: Record<string, string[]> = {
  'vpc-rule': ['CKV_T_1', 'cdk-nag:Something'],
  'policy-document-rule': ['CKV_T_6'],
  'backups-rule': [],
  'prowler-rule': ['Prowler:clusters_backup_enabled'],
};
const DECLARED = [
  {
    check: 'CKV_T_2',
    reason: 'Reports on aws_cloudtrail, which these stacks never create.',
    confirmedBy: { kind: 'type-absent' as const, type: 'aws_cloudtrail' },
  },
  {
    check: 'AVD-T-0003',
    reason: 'The widget never sets the colour this check is about.',
    confirmedBy: { kind: 'attribute-absent' as const, type: 'aws_widget', path: 'style.colour' },
  },
];
const DOCUMENTS = {
  'prod-a': {
    resource: {
      aws_vpc: { main: { cidr_block: '10.0.0.0/16' } },
      aws_widget: { w: { style: [{ size: 1 }, { colour: 'red' }] } },
      aws_unchecked: { u: {} },
    },
    data: { aws_iam_policy_document: { doc: { statement: [] } } },
  },
};

function fixture(): MatrixInput {
  return {
    workspace: workspaceOf(DOCUMENTS),
    rules: Object.entries(RULE_ANCHORS).map(([id, anchors]) => rule(id, anchors)),
    catalogue: parseCatalogueFile('fixture.tsv', tsv(CHECKS)),
    declarations: DECLARED.map((declared) => ({ ...declared, file: 'fixture.ts' })),
  };
}

function rule(id: string, anchors: string[]): RuleMetadata {
  return {
    id,
    title: `the ${id} title`,
    severity: 'medium',
    resourceTypes: ['aws_vpc'],
    anchors,
    help: 'help',
  };
}

describe('the coverage matrix', () => {
  const matrix = buildMatrix(fixture());
  const synthesized = ['aws_unchecked', 'aws_vpc', 'aws_widget', 'data.aws_iam_policy_document'];
  const onSynthesized = CHECKS.filter(([, , types]) =>
    types!.split(',').some((t) => synthesized.includes(t)),
  );
  const anchored = new Set(Object.values(RULE_ANCHORS).flat());
  const status = (id: string) => matrix.checks.find(({ check }) => check.id === id)?.coverage;

  it('lists every synthesized type, resources and data sources, with the checks that read it', () => {
    expect(matrix.types.map(({ type }) => type)).toEqual([...synthesized].sort());
    for (const { type, checks } of matrix.types) {
      const expected = CHECKS.filter(([, , types]) => types!.split(',').includes(type)).map(([, id]) => id);
      expect(checks.map(({ check }) => check.id).sort(), type).toEqual([...expected].sort());
    }
    expect(matrix.types.find(({ type }) => type === 'aws_unchecked')!.checks).toEqual([]);
  });

  it('marks an anchored check covered by the rules that anchor it', () => {
    for (const [, id] of onSynthesized.filter(([, id]) => anchored.has(id!))) {
      const owners = Object.keys(RULE_ANCHORS).filter((ruleId) => RULE_ANCHORS[ruleId]!.includes(id!));
      expect(status(id!), id).toEqual({ status: 'covered', rules: owners.sort() });
    }
  });

  it('confirms a not-applicable declaration against the synthesized JSON', () => {
    expect(status('CKV_T_2')).toMatchObject({
      status: 'not-applicable',
      evidence: 'no aws_cloudtrail is synthesized',
    });
  });

  it('turns a declaration whose condition fails into a gap and a problem naming the resource', () => {
    expect(status('AVD-T-0003')).toMatchObject({ status: 'gap', unconfirmed: { file: 'fixture.ts' } });
    expect(matrix.problems).toEqual([
      'fixture.ts: AVD-T-0003 is declared not applicable, but prod-a/aws_widget.w sets style.colour',
    ]);
  });

  it('reports an unanswered check as a gap', () => {
    expect(status('AVD-T-0004')).toEqual({ status: 'gap' });
  });

  it('counts each check once, whatever the number of types it lists', () => {
    const declaredIds = new Set(DECLARED.map((d) => d.check));
    const covered = onSynthesized.filter(([, id]) => anchored.has(id!)).length;
    expect(matrix.summary).toEqual({
      checks: onSynthesized.length,
      covered,
      // One declaration holds; the other fails its condition and counts as a gap.
      notApplicable: onSynthesized.filter(([, id]) => declaredIds.has(id!) && !anchored.has(id!)).length - 1,
      gap: onSynthesized.filter(([, id]) => !anchored.has(id!)).length - 1,
      rules: Object.keys(RULE_ANCHORS).length,
    });
  });

  it('lists the rules no scanner anchors as ours only, and the checks on types never synthesized apart', () => {
    const oursOnly = Object.keys(RULE_ANCHORS).filter(
      (id) => !RULE_ANCHORS[id]!.some((anchor) => /^(CKV|AVD-)/.test(anchor)),
    );
    expect(matrix.oursOnly.map((r) => r.id)).toEqual(oursOnly.sort());
    expect(matrix.elsewhere.map(({ check }) => check.id)).toEqual(
      CHECKS.filter((row) => !onSynthesized.includes(row)).map(([, id]) => id),
    );
  });

  it('flags a declaration for a covered check, an unknown check, and one that fails on a type outside the matrix', () => {
    const input = fixture();
    const problems = buildMatrix({
      ...input,
      declarations: [
        {
          check: 'CKV_T_1',
          reason: 'x'.repeat(20),
          confirmedBy: { kind: 'not-run-by-default' },
          file: 'a.ts',
        },
        {
          check: 'CKV_NOPE_1',
          reason: 'x'.repeat(20),
          confirmedBy: { kind: 'not-run-by-default' },
          file: 'b.ts',
        },
        {
          check: 'CKV_T_5',
          reason: 'x'.repeat(20),
          confirmedBy: { kind: 'type-absent', type: 'aws_vpc' },
          file: 'c.ts',
        },
      ],
    }).problems;
    expect(problems).toEqual([
      'b.ts: CKV_NOPE_1 is in no catalogue file',
      'a.ts: CKV_T_1 is covered by vpc-rule; remove the not-applicable declaration',
      'c.ts: CKV_T_5 is declared not applicable, but aws_vpc is synthesized: prod-a/aws_vpc.main',
    ]);
  });

  it('shows a holding declaration on a check outside the matrix beside it, outside every count', () => {
    const input = fixture();
    const declared = { check: 'CKV_T_5', reason: 'No trail is part of these stacks.', file: 'c.ts' };
    const matrix = buildMatrix({
      ...input,
      declarations: [{ ...declared, confirmedBy: { kind: 'type-absent', type: 'aws_cloudtrail' } }],
    });
    expect(matrix.elsewhere.find(({ check }) => check.id === 'CKV_T_5')?.notApplicable).toBe(declared.reason);
    expect(matrix.problems).toEqual([]);
    expect(matrix.summary.notApplicable).toBe(0);
  });

  it('reads a bare type the stacks synthesize only as a data source as that data source', () => {
    const input = fixture();
    const catalogue = parseCatalogueFile(
      'iam.tsv',
      tsv([['checkov', 'CKV_T_20', 'aws_iam_policy_document', 'policy document check', '']]),
    );
    const matrix = buildMatrix({ ...input, catalogue, declarations: [] });
    const documents = matrix.types.find(({ type }) => type === 'data.aws_iam_policy_document')!;
    expect(documents.checks.map(({ check }) => check.id)).toEqual(['CKV_T_20']);
    expect(matrix.elsewhere).toEqual([]);
  });

  it('confirms attribute-equals and not-run-by-default, and refuses to confirm an attribute on no block', () => {
    const input = fixture();
    const declare = (check: string, confirmedBy: MatrixInput['declarations'][number]['confirmedBy']) => ({
      check,
      reason: 'a reason long enough to read',
      confirmedBy,
      file: 'x.ts',
    });
    const catalogue: CatalogueCheck[] = parseCatalogueFile(
      'x.tsv',
      tsv([
        ['trivy', 'AVD-T-0010', 'aws_vpc', 'old check (deprecated: skipped unless asked)', 'LOW'],
        ['trivy', 'AVD-T-0011', 'aws_vpc', 'current check', 'LOW'],
        ['checkov', 'CKV_T_12', 'aws_vpc', 'cidr check', ''],
        ['checkov', 'CKV_T_13', 'aws_vpc,aws_lb', 'lb attribute', ''],
      ]),
    );
    const result = buildMatrix({
      ...input,
      catalogue,
      declarations: [
        declare('AVD-T-0010', { kind: 'not-run-by-default' }),
        declare('AVD-T-0011', { kind: 'not-run-by-default' }),
        declare('CKV_T_12', {
          kind: 'attribute-equals',
          type: 'aws_vpc',
          path: 'cidr_block',
          value: '10.0.0.0/16',
        }),
        declare('CKV_T_13', { kind: 'attribute-absent', type: 'aws_lb', path: 'desync_mitigation_mode' }),
      ],
    });
    const statuses = Object.fromEntries(
      result.checks.map(({ check, coverage }) => [check.id, coverage.status]),
    );
    expect(statuses).toEqual({
      'AVD-T-0010': 'not-applicable',
      'AVD-T-0011': 'gap',
      CKV_T_12: 'not-applicable',
      CKV_T_13: 'gap',
    });
  });
});

describe('a type a controller creates from one of ours', () => {
  const ingress = (className: string) => ({
    resource: {
      kubernetes_ingress_v1: {
        api: { metadata: { name: 'api' }, spec: { ingress_class_name: className } },
      },
    },
  });
  const input = (className: string): MatrixInput => ({
    workspace: workspaceOf({ 'prod-a': ingress(className) }),
    rules: [],
    catalogue: parseCatalogueFile('lb.tsv', tsv([['trivy', 'AVD-T-0053', 'aws_lb', 'lb is public', 'HIGH']])),
    declarations: [
      {
        check: 'AVD-T-0053',
        reason: 'Declared as if no load balancer existed.',
        confirmedBy: { kind: 'type-absent', type: 'aws_lb' },
        file: 'lb.ts',
      },
    ],
  });

  it('is listed when an Ingress of class alb makes the load balancer, and type-absent does not hold for it', () => {
    const matrix = buildMatrix(input('alb'));
    expect(matrix.types.find(({ type }) => type === 'aws_lb')?.realizedBy).toMatch(
      /AWS Load Balancer Controller/,
    );
    expect(matrix.checks[0]!.coverage.status).toBe('gap');
    expect(matrix.problems[0]).toMatch(
      /^lb\.ts: AVD-T-0053 is declared not applicable, but aws_lb is created by .*prod-a\/kubernetes_ingress_v1\.api$/,
    );
  });

  it('is absent when the Ingress belongs to another controller', () => {
    const matrix = buildMatrix(input('nginx'));
    expect(matrix.types.map(({ type }) => type)).toEqual(['kubernetes_ingress_v1']);
    expect(matrix.elsewhere.map(({ check }) => check.id)).toEqual(['AVD-T-0053']);
  });
});

describe('the rendered page', () => {
  it('is the same whatever the order of its inputs, and names its gaps', () => {
    const input = fixture();
    const reversed: MatrixInput = {
      ...input,
      rules: [...input.rules].reverse(),
      catalogue: [...input.catalogue].reverse(),
      declarations: [...input.declarations].reverse(),
    };
    const page = renderMatrix(buildMatrix(input));
    expect(renderMatrix(buildMatrix(reversed))).toBe(page);
    expect(page).toContain('| `AVD-T-0004` | trivy | widget check nobody answers | **gap** |');
    expect(page).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('reports the first lines that differ', () => {
    expect(firstDifferences('a\nb\nc', 'a\nB\nc\nd')).toEqual([
      'line 2: expected "b", found "B"',
      'line 4: expected "(end of file)", found "d"',
    ]);
  });
});

describe('the catalogue files', () => {
  it('merges a check listed in two files into one over the union of types', () => {
    const dir = temporaryDir();
    writeFileSync(join(dir, 'a.tsv'), tsv([['checkov', 'CKV_T_1', 'aws_vpc', 'title', '']]));
    writeFileSync(join(dir, 'b.tsv'), tsv([['checkov', 'CKV_T_1', 'aws_subnet,aws_vpc', 'title', '']]));
    const [check] = readCatalogue(dir);
    expect(check!.resourceTypes).toEqual(['aws_vpc', 'aws_subnet']);
    expect(check!.files.map((file) => file.slice(dir.length + 1))).toEqual(['a.tsv', 'b.tsv']);
  });

  it.each([
    ['scanner\tid\tresource_types\ttitle\tseverity\n', /:1: must be a # comment/],
    ['# s\nscanner\tid\ttypes\ttitle\tseverity\n', /:2: header must be/],
    [tsv([['checkov', 'CKV_T_1', 'aws_vpc', 'title']]), /:3: 4 columns; needs 5/],
    [tsv([['checkov', 'CKV_T_1', 'AWS VPC', 'title', '']]), /:3: resource_types must be/],
    [
      tsv([
        ['checkov', 'CKV_T_1', 'aws_vpc', 't', ''],
        ['checkov', 'CKV_T_1', 'aws_vpc', 't', ''],
      ]),
      /:4: CKV_T_1 is listed twice/,
    ],
  ])('refuses a malformed file (%#)', (text, message) => {
    expect(() => parseCatalogueFile('bad.tsv', text)).toThrow(message);
  });

  it('reads the shipped catalogue, each file opening with its source', () => {
    const checks = readCatalogue('policies/coverage/catalogue');
    expect(checks.length).toBeGreaterThan(0);
    for (const file of new Set(checks.flatMap((check) => check.files)))
      expect(readFileSync(file, 'utf8').startsWith('# '), file).toBe(true);
  });
});

describe('the not-applicable declarations', () => {
  it('load from every file of the folder, each with a reason and a condition', async () => {
    const declared = await loadDeclarations('policies/coverage/not-applicable');
    expect(declared.length).toBeGreaterThan(0);
    for (const declaration of declared) expect(declaration.file).not.toMatch(/declaration\.ts$/);
  });

  it('refuse an export that is not a list of declarations, naming the field', () => {
    expect(() =>
      declarationsOf('x.ts', {
        CHECKS: [{ check: 'CKV_T_1', reason: 'short', confirmedBy: { kind: 'type-absent', type: 'aws_x' } }],
      }),
    ).toThrow('x.ts: CHECKS.0.reason: must explain why in at least 20 characters');
    expect(() =>
      declarationsOf('x.ts', {
        CHECKS: [
          { check: 'CKV_T_1', reason: 'a reason long enough to read', confirmedBy: { kind: 'maybe' } },
        ],
      }),
    ).toThrow(/^x\.ts: CHECKS\.0\.confirmedBy/);
  });
});

describe('npm run policy:coverage -- --check', () => {
  const run = (args: string[]) =>
    spawnSync('npx', ['tsx', 'scripts/policy-coverage.ts', ...args], { encoding: 'utf8' });

  it('fails on a synth that differs from the page, naming the first differences', () => {
    const dir = writeOutput(DOCUMENTS);
    const result = run(['--check', '--dir', dir]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(
      /docs\/policy-coverage\.md is stale \(run npm run policy:coverage\); first differences:\n {2}line \d+: expected/,
    );
    expect(result.stdout).toMatch(/^FAIL: /m);
  });

  it('refuses an unknown option with exit code 2', () => {
    const result = run(['--chek']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^policy:coverage: .*--chek.* \(options: --check, --dir DIR\)$/m);
  });
});
