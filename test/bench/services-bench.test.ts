import { describe, expect, it } from 'vitest';
import { djangoDatabaseEnv, sameListShape } from '../../bench/drf.js';
import type { DrfFigures, ListFigures } from '../../bench/services.js';
import { poolFor } from '../../bench/services.js';
import { completedOf } from '../../bench/services-cost.js';
import { listSerializer } from '../../bench/services-floor.js';
import { FLOOR_SUBJECTS } from '../../bench/services-floor-subjects.js';
import {
  drfComparisonLine,
  SERVICES_COST_HEADER,
  servicesCostRows,
  servicesCostTitle,
} from '../../bench/services-table.js';

const campaign = (id: string) => ({
  id,
  accountId: 'acct',
  name: 'Spring',
  objective: 'leads',
  kpis: [{ metric: 'ctr', target: 0.02 }],
  channels: ['meta-ads'],
  formats: ['image'],
  budget: { amountCents: 500000, currency: 'USD', period: 'lifetime' },
  startDate: '2026-03-01',
  endDate: '2026-03-31',
  status: 'draft',
  createdBy: 'someone',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('the list comparison with Django REST Framework', () => {
  const ours = { items: [campaign('a'), campaign('b')], nextCursor: null };

  it('accepts the same rows in the same order with the same fields, whatever the precision of a timestamp', () => {
    const theirs = {
      items: [
        { ...campaign('a'), createdAt: '2026-01-01T00:00:00.000123Z' },
        { ...campaign('b'), budget: { period: 'lifetime', currency: 'USD', amountCents: 1 } },
      ],
      nextCursor: '2',
    };
    expect(sameListShape(ours, theirs)).toBeUndefined();
  });

  it('names the difference: row count, order, a missing or renamed field, a nested one', () => {
    expect(sameListShape(ours, { items: [campaign('a')] })).toBe('2 rows against 1');
    expect(sameListShape(ours, { items: [campaign('b'), campaign('a')] })).toBe('row 0: id a against b');
    const { startDate: _startDate, ...withoutStart } = campaign('a');
    expect(sameListShape(ours, { items: [{ ...withoutStart, start_date: 'x' }, campaign('b')] })).toMatch(
      /^row 0: fields .*"startDate".* against .*"start_date"/,
    );
    const nested = { ...campaign('b'), budget: { amount_cents: 1, currency: 'USD', period: 'lifetime' } };
    expect(sameListShape(ours, { items: [campaign('a'), nested] })).toMatch(/^row 1: fields/);
    expect(sameListShape(ours, { results: [] })).toBe('one of the answers has no items list');
  });

  it("passes the bench database's URL to Django's settings piece by piece", () => {
    expect(djangoDatabaseEnv('postgres://postgres:s%40cret@127.0.0.1:5433/bench_promptads_x1')).toEqual({
      DRF_DB_NAME: 'bench_promptads_x1',
      DRF_DB_USER: 'postgres',
      DRF_DB_PASSWORD: 's@cret',
      DRF_DB_HOST: '127.0.0.1',
      DRF_DB_PORT: '5433',
    });
    expect(djangoDatabaseEnv('postgresql://127.0.0.1/db')).toMatchObject({
      DRF_DB_USER: 'postgres',
      DRF_DB_PORT: '5432',
    });
  });
});

describe('per-request arithmetic of a load run', () => {
  it('counts only 2xx answers as completed', () => {
    expect(completedOf({ totalRequests: 1000, non2xx: 3 })).toBe(997);
  });

  it('sizes the database pool to the connections, within what the services accept', () => {
    expect([poolFor(1), poolFor(20), poolFor(50), poolFor(400)]).toEqual([10, 20, 50, 100]);
  });
});

describe("the floor's serializer", () => {
  it("is the list route's own: it writes the schema's fields and drops the others", async () => {
    // No query runs: the pool connects on first use.
    const subject = FLOOR_SUBJECTS.promptads('postgres://127.0.0.1:1/none', 100, 1);
    try {
      const serialize = await listSerializer(subject.routes, '/campaigns');
      const page = { items: [{ ...campaign('a'), internal: 'secret' }], nextCursor: null };
      const written = JSON.parse(serialize(page));
      expect(written).toEqual({ items: [campaign('a')], nextCursor: null });
    } finally {
      await subject.close();
    }
  });

  it('refuses a path the routes do not list', async () => {
    const subject = FLOOR_SUBJECTS.promptads('postgres://127.0.0.1:1/none', 100, 1);
    try {
      await expect(listSerializer(subject.routes, '/nothing')).rejects.toThrow(/GET \/nothing answered 404/);
    } finally {
      await subject.close();
    }
  });
});

describe('the per-request table', () => {
  const list = (service: string, cpu: number, floor: number): ListFigures => ({
    service,
    endpoint: 'GET /campaigns?limit=100',
    requestsPerSecond: 512.4,
    latencyMs: { p50: 30, p99: 80 },
    completed: 5124,
    errors: 0,
    non2xx: 0,
    cpuMsPerRequest: cpu,
    dbCpuMsPerRequest: 0.4,
    openLoop: {
      rate: 359,
      p50: 3.2,
      p99: 12.6,
      errors: 0,
      sent: 3590,
      generatorDelayP99Ms: 2.04,
      generatorDelayMaxMs: 11.5,
    },
    responseBytes: 50_000,
    floorCpuMsPerRequest: floor,
    floorDbCpuMsPerRequest: 0.45,
    floorIterations: 500,
    floorCpuMsPerRequestRuns: [floor],
    floorConcurrency: 20,
    cpuRatioToFloor: cpu / floor,
  });
  const drf: DrfFigures = {
    server: 'gunicorn',
    workers: 2,
    versions: { django: '3.2.25', djangorestframework: '3.14.0', gunicorn: '20.1.0', psycopg2: '2.9.5' },
    endpoint: 'GET /campaigns?limit=100',
    responseBytes: 22_000,
    requestsPerSecond: 593,
    latencyMs: { p50: 33, p99: 90 },
    completed: 5930,
    errors: 0,
    non2xx: 0,
    cpuMsPerRequest: 2.8,
    dbCpuMsPerRequest: 0.2,
    openLoop: {
      rate: 415,
      p50: 4,
      p99: 20,
      errors: 0,
      sent: 4150,
      generatorDelayP99Ms: 3,
      generatorDelayMaxMs: 9.25,
    },
  };

  it('has a row per list and one for DRF, with the ratio to the floor and dashes where there is none', () => {
    const [header, ads, django] = servicesCostRows({
      connections: 20,
      durationSeconds: 10,
      lists: [list('promptads', 2.3, 1)],
      drf,
      drfCpuRatio: 3 / 2.7,
    });
    expect(header).toEqual(SERVICES_COST_HEADER);
    expect(ads).toEqual([
      'promptads `GET /campaigns?limit=100`',
      '512',
      '30 ms',
      '80 ms',
      '2.30',
      '0.40',
      '1.00',
      '0.45',
      '2.3 ×',
      '13 ms',
      '2.0 / 11.5 ms',
    ]);
    expect(django?.slice(0, 6)).toEqual([
      'Django REST Framework (gunicorn, 2 sync workers) `GET /campaigns?limit=100`',
      '593',
      '33 ms',
      '90 ms',
      '2.80',
      '0.20',
    ]);
    expect(django?.slice(6)).toEqual(['–', '–', '–', '20 ms', '3.0 / 9.3 ms']);
  });

  it("names the runtime, the floor's process and concurrency in its title; older files say what they ran", () => {
    const section = { connections: 20, durationSeconds: 10, lists: [list('promptads', 2.3, 1)], drf };
    expect(
      servicesCostTitle({ ...section, serviceRuntime: { node: 'v24.21.0', source: 'npx node@24' } }),
    ).toBe(
      'List of 100 rows, per request (one process per service, compiled bundles on Node v24.21.0 (npx node@24), ' +
        '20 connections, 10 s; CPU from /proc over the measured window ÷ 2xx answers; floor: use case + ' +
        "repository + the route's serializer, no HTTP, in a process of its own on the same Node, 20 lists at once; " +
        'open loop from a generator process of its own)',
    );
    const earlier = servicesCostTitle(section);
    expect(earlier).toContain("sources on the bench's Node");
    expect(earlier).toContain('in the bench process, one list at a time)');
    // A file without the generator's delay shows a dash in its column.
    const {
      generatorDelayP99Ms: _p99,
      generatorDelayMaxMs: _max,
      ...openLoop
    } = list('promptads', 2.3, 1).openLoop;
    const [, row] = servicesCostRows({
      ...section,
      lists: [{ ...list('promptads', 2.3, 1), openLoop } as ListFigures],
    });
    expect(row?.at(-1)).toBe('–');
  });

  it('says how DRF compares, or why it was not measured', () => {
    const section = { connections: 20, durationSeconds: 10, lists: [list('promptads', 2.3, 1)] };
    // (2.8 + 0.2) ÷ (2.3 + 0.4) = 1.11
    expect(drfComparisonLine({ ...section, drf, drfCpuRatio: 3 / 2.7 })).toBe(
      'Django REST Framework ÷ PromptAds, service + database CPU per request: 1.1 × (2.80 + 0.20 ms against 2.30 + 0.40 ms).',
    );
    expect(drfComparisonLine({ ...section, drf: { skipped: 'no python3 with django' } })).toBe(
      'Django REST Framework not measured: no python3 with django.',
    );
    expect(servicesCostRows({ ...section, drf: { skipped: 'x' } })).toHaveLength(2);
  });
});
