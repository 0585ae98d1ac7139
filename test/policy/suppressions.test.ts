import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PolicyInputError } from '../../policies/engine/input-error.js';
import { RULES } from '../../policies/rules/index.js';
import { checkWorkspace } from '../../policies/run.js';
import { parseSuppressions, readSuppressions, type SuppressionSet } from '../../policies/suppressions.js';
import {
  applyMutation,
  compliantDocuments,
  removeTemporaryDirs,
  temporaryDir,
  workspaceOf,
} from './fixture.js';

afterAll(removeTemporaryDirs);

const RULE_IDS = new Set(RULES.map((rule) => rule.id));
const TODAY = '2026-11-28';

function suppressions(entries: unknown[]): SuppressionSet {
  return parseSuppressions({ suppressions: entries }, 'test.yaml', RULE_IDS);
}

/** The fixture with two findings: an unencrypted Aurora cluster and a short Redis retention. */
function failingWorkspace() {
  const documents = applyMutation(compliantDocuments(), {
    address: 'aws_rds_cluster.postgres',
    set: [['storage_encrypted', false]],
  });
  applyMutation(documents, {
    address: 'aws_elasticache_replication_group.redis',
    set: [['snapshot_retention_limit', 7]],
  });
  return workspaceOf(documents);
}

const run = (set: SuppressionSet) =>
  checkWorkspace(failingWorkspace(), { pack: 'all', failOn: 'high', suppressions: set, today: TODAY });

describe('suppression matching', () => {
  it('suppresses one rule on the addresses its glob matches, keeping the reason', () => {
    const report = run(
      suppressions([
        {
          rule: 'aurora-storage-encrypted',
          address: 'aws_rds_cluster.*',
          reason: 'migrating to an encrypted snapshot this sprint',
        },
      ]),
    );
    const aurora = report.findings.find((finding) => finding.rule.id === 'aurora-storage-encrypted')!;
    expect(aurora.status).toBe('suppressed');
    expect(aurora.suppression?.reason).toMatch(/encrypted snapshot/);
    expect(report.findings.find((finding) => finding.rule.id === 'redis-snapshot-retention')?.status).toBe(
      'fail',
    );
    expect(report.summary).toMatchObject({ suppressed: 1, failed: 1, result: 'fail' });
  });

  it('passes the run when every blocking finding is suppressed', () => {
    const report = run(
      suppressions([
        {
          rule: 'aurora-storage-encrypted',
          address: 'aws_rds_cluster.postgres',
          reason: 'accepted for the migration window',
        },
        {
          rule: 'redis-snapshot-retention',
          address: 'aws_elasticache_*',
          stack: 'prod-*',
          reason: 'cache is rebuilt from the databases',
        },
      ]),
    );
    expect(report.summary).toMatchObject({ suppressed: 2, blocking: 0, result: 'pass' });
  });

  it('does not match another rule, another address or another stack', () => {
    const report = run(
      suppressions([
        { rule: 'aurora-kms-key', address: 'aws_rds_cluster.postgres', reason: 'a different rule entirely' },
        {
          rule: 'aurora-storage-encrypted',
          address: 'aws_rds_cluster.mysql',
          reason: 'a different resource entirely',
        },
        {
          rule: 'aurora-storage-encrypted',
          address: 'aws_rds_cluster.postgres',
          stack: 'dev-*',
          reason: 'a different stack entirely',
        },
      ]),
    );
    expect(report.summary.suppressed).toBe(0);
    expect(report.unusedSuppressions).toHaveLength(3);
  });

  it('treats `?` as one character and escapes regular-expression characters in globs', () => {
    const report = run(
      suppressions([
        {
          rule: 'aurora-storage-encrypted',
          address: 'aws_rds_cluster.postgre?',
          reason: 'one character wildcard',
        },
        {
          rule: 'redis-snapshot-retention',
          address: 'aws_elasticache_replication_group+redis',
          reason: 'plus is literal here',
        },
      ]),
    );
    expect(report.summary.suppressed).toBe(1);
    expect(report.unusedSuppressions.map((entry) => entry.rule)).toEqual(['redis-snapshot-retention']);
  });
});

describe('expiry', () => {
  const entry = {
    rule: 'aurora-storage-encrypted',
    address: 'aws_rds_cluster.postgres',
    reason: 'accepted until the migration',
  };

  it('holds through its expiry day', () => {
    const report = run(suppressions([{ ...entry, expires: TODAY }]));
    expect(report.summary.suppressed).toBe(1);
    expect(report.expiredSuppressions).toEqual([]);
  });

  it('fails the run from the next day and no longer covers the finding', () => {
    const report = run(
      suppressions([
        { ...entry, expires: '2026-11-27' },
        { rule: 'redis-snapshot-retention', address: '*', reason: 'cache is rebuilt from the databases' },
      ]),
    );
    expect(report.expiredSuppressions.map((expired) => expired.expires)).toEqual(['2026-11-27']);
    expect(report.findings.find((finding) => finding.rule.id === 'aurora-storage-encrypted')?.status).toBe(
      'fail',
    );
    expect(report.summary).toMatchObject({ expiredSuppressions: 1, result: 'fail' });
  });

  it('fails the run even when the expired suppression covers nothing blocking', () => {
    const clean = checkWorkspace(workspaceOf(compliantDocuments()), {
      pack: 'all',
      failOn: 'high',
      suppressions: suppressions([{ ...entry, expires: '2020-01-01' }]),
      today: TODAY,
    });
    expect(clean.summary).toMatchObject({ blocking: 0, expiredSuppressions: 1, result: 'fail' });
  });
});

describe('unused suppressions', () => {
  it('are reported as warnings without failing the run', () => {
    const clean = checkWorkspace(workspaceOf(compliantDocuments()), {
      pack: 'all',
      failOn: 'high',
      suppressions: suppressions([
        { rule: 'kms-key-rotation', address: 'aws_kms_key.*', reason: 'keys rotate by hand yearly' },
      ]),
      today: TODAY,
    });
    expect(clean.unusedSuppressions.map((unused) => unused.rule)).toEqual(['kms-key-rotation']);
    expect(clean.summary).toMatchObject({ unusedSuppressions: 1, result: 'pass' });
  });
});

describe('the suppression file', () => {
  const problems = (document: unknown) => {
    try {
      parseSuppressions(document, 'file.yaml', RULE_IDS);
    } catch (error) {
      return (error as PolicyInputError).problems;
    }
    return [];
  };

  it('needs a reason of at least 10 characters', () => {
    expect(
      problems({ suppressions: [{ rule: 'kms-key-rotation', address: '*', reason: 'because' }] }),
    ).toEqual(['file.yaml: suppressions.0.reason: must explain why in at least 10 characters']);
    expect(problems({ suppressions: [{ rule: 'kms-key-rotation', address: '*' }] })[0]).toMatch(
      /^file.yaml: suppressions.0.reason: /,
    );
  });

  it('needs an expiry written as a date', () => {
    expect(
      problems({
        suppressions: [
          { rule: 'kms-key-rotation', address: '*', reason: 'a good reason here', expires: 'next month' },
        ],
      }),
    ).toEqual(['file.yaml: suppressions.0.expires: must be a date written YYYY-MM-DD']);
  });

  it('names rules that do not exist and fields it does not know', () => {
    expect(
      problems({ suppressions: [{ rule: 'no-such-rule', address: '*', reason: 'a good reason here' }] }),
    ).toEqual(['file.yaml: suppressions.0.rule: no rule has the id "no-such-rule"']);
    expect(
      problems({
        suppressions: [{ rule: 'kms-key-rotation', address: '*', reason: 'a good reason here', why: 'x' }],
      })[0],
    ).toMatch(/^file.yaml: suppressions.0: /);
  });

  it('reads YAML files, an empty file meaning no suppressions', () => {
    const dir = temporaryDir('promptsales-suppressions-');
    writeFileSync(join(dir, 'empty.yaml'), '');
    writeFileSync(join(dir, 'broken.yaml'), 'suppressions: [\n');
    writeFileSync(
      join(dir, 'ok.yaml'),
      'suppressions:\n  - rule: kms-key-rotation\n    address: aws_kms_key.*\n    reason: keys rotate by hand yearly\n    expires: 2027-01-31\n',
    );
    expect(readSuppressions(join(dir, 'empty.yaml'), RULE_IDS).entries).toEqual([]);
    expect(readSuppressions(join(dir, 'ok.yaml'), RULE_IDS).entries).toEqual([
      {
        rule: 'kms-key-rotation',
        address: 'aws_kms_key.*',
        stack: '*',
        reason: 'keys rotate by hand yearly',
        expires: '2027-01-31',
      },
    ]);
    expect(() => readSuppressions(join(dir, 'broken.yaml'), RULE_IDS)).toThrow(/broken.yaml: not valid YAML/);
    expect(() => readSuppressions(join(dir, 'missing.yaml'), RULE_IDS)).toThrow(
      /--suppressions: .*missing.yaml does not exist/,
    );
  });

  it('ships only suppressions with real reasons for rules that exist', () => {
    const shipped = readSuppressions('policies/suppressions.yaml', RULE_IDS);
    for (const entry of shipped.entries) expect(entry.reason.length).toBeGreaterThanOrEqual(40);
  });
});
