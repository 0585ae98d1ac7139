/**
 * The security gate against a tiny service on the kit: with a route that reads any tenant's
 * record it must fail (exit code 1) naming that route as a critical A01 finding; without it, it
 * must pass. Also the rule itself, on hand-made check records.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deleteRedisPrefix,
  type LocalIssuer,
  startLocalIssuer,
  TEST_AUDIENCE,
  TEST_REDIS_URL,
  testServiceEnv,
  uniqueRedisPrefix,
} from '../../services/test-support/index.js';
import { type GateResult, runGate } from './gate.js';
import { createNotesService } from './notes-service.js';
import { operationsOf } from './openapi.js';
import type { CheckRecord } from './record.js';
import { fetchDocument } from './stage.js';
import { judge } from './verdict.js';

let issuer: LocalIssuer;
let folder: string;
const prefixes: string[] = [];

beforeAll(async () => {
  issuer = await startLocalIssuer({ defaultAudience: TEST_AUDIENCE });
  folder = await mkdtemp(join(tmpdir(), 'security-gate-'));
});
afterAll(async () => {
  await issuer?.close();
  await rm(folder, { recursive: true, force: true });
  await Promise.all(prefixes.map((prefix) => deleteRedisPrefix(prefix)));
});

async function gateAgainstNotes(vulnerable: boolean): Promise<GateResult> {
  const prefix = uniqueRedisPrefix(`security_gate_${vulnerable}`);
  prefixes.push(prefix);
  const service = await createNotesService(testServiceEnv(issuer, prefix, { REDIS_URL: TEST_REDIS_URL }), {
    vulnerable,
  });
  const url = await service.app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const document = await fetchDocument(url, service.prefix);
    return await runGate({
      targets: [{ name: 'notes', url, prefix: service.prefix, document }],
      minter: issuer,
      resultsDirectory: join(folder, String(vulnerable)),
    });
  } finally {
    await service.app.close();
  }
}

describe('the gate against a service with a route that reads any tenant’s record', () => {
  let result: GateResult;
  beforeAll(async () => {
    result = await gateAgainstNotes(true);
  });

  it('exits 1 because the rule is broken', () => {
    expect(result.exitCode).toBe(1);
    expect(result.report.verdict.passed).toBe(false);
  });

  it('reports the route as a critical A01 finding: tenant B read tenant A’s note', () => {
    const bola = result.report.checks.filter(
      (check) => check.operationId === 'getNote' && check.outcome === 'fail',
    );
    expect(bola).toEqual([
      expect.objectContaining({
        family: 'tenancy',
        severity: 'critical',
        finding: 'cross-tenant-access',
        owasp: 'A01:2021-Broken Access Control',
        detail: 'answered 200',
      }),
    ]);
  });

  it('writes the report with every check it made', async () => {
    expect(result.file).toMatch(/security-\d{4}-\d{2}-\d{2}\.json$/);
    const written = JSON.parse(await readFile(result.file, 'utf8'));
    expect(written.checks).toHaveLength(result.report.checks.length);
    const attacked = new Set(written.checks.map((check: CheckRecord) => check.operationId));
    expect([...attacked].sort()).toEqual(['createNote', 'getNote', 'listNotes']);
    for (const check of written.checks)
      expect(Object.keys(check)).toEqual(expect.arrayContaining(['route', 'check', 'outcome', 'severity']));
  });
});

describe('the gate against the same service without that route', () => {
  it('exits 0 and every tenancy and auth check of getNote passes', async () => {
    const result = await gateAgainstNotes(false);
    expect(result.report.verdict).toMatchObject({ passed: true, criticals: 0, unattacked: [] });
    expect(result.exitCode).toBe(0);
    const getNote = result.report.checks.filter((check) => check.operationId === 'getNote');
    expect(getNote.map((check) => check.family)).toEqual(expect.arrayContaining(['auth', 'tenancy']));
    const outcomes = getNote.filter((check) => check.family === 'tenancy' || check.family === 'auth');
    expect(outcomes.filter((check) => check.outcome !== 'pass')).toEqual([]);
  });
});

describe('the rule: at most two critical findings, none in the OWASP Top 10 2021', () => {
  const [getThing] = operationsOf('things', {
    paths: { '/things/{id}': { get: { operationId: 'getThing', parameters: [] } } },
  });
  const covered = (extra: Partial<CheckRecord>[]): CheckRecord[] =>
    [
      { family: 'auth', outcome: 'pass', severity: 'none' },
      { family: 'tenancy', outcome: 'pass', severity: 'none' },
      ...extra,
    ].map((record) => ({
      service: 'things',
      operationId: 'getThing',
      route: 'GET /things/{id}',
      check: 'made up',
      detail: '',
      ...record,
    })) as CheckRecord[];
  const operations = [{ op: getThing!, exempt: false }];

  it('passes with two criticals outside the Top 10', () => {
    const critical = { outcome: 'fail', severity: 'critical', family: 'injection' } as const;
    expect(judge(covered([critical, critical]), operations).passed).toBe(true);
  });

  it('fails with three criticals, even outside the Top 10', () => {
    const critical = { outcome: 'fail', severity: 'critical', family: 'injection' } as const;
    expect(judge(covered([critical, critical, critical]), operations)).toMatchObject({
      passed: false,
      criticals: 3,
      criticalsInTop10: 0,
    });
  });

  it('fails with one critical in the Top 10', () => {
    const bola = {
      outcome: 'fail',
      severity: 'critical',
      family: 'tenancy',
      owasp: 'A01:2021-Broken Access Control',
    } as const;
    expect(judge(covered([bola]), operations)).toMatchObject({
      passed: false,
      criticals: 1,
      criticalsInTop10: 1,
    });
  });

  it('fails when a documented operation had no tenancy check made (not run does not count)', () => {
    const records = covered([]).map((record) =>
      record.family === 'tenancy' ? { ...record, outcome: 'not-run' as const } : record,
    );
    const verdict = judge(records, operations);
    expect(verdict.passed).toBe(false);
    expect(verdict.unattacked).toEqual(['things getThing (GET /things/{id}): no tenancy check']);
  });

  it('asks nothing of an exempt operation', () => {
    expect(judge([], [{ op: getThing!, exempt: true }]).passed).toBe(true);
  });
});
