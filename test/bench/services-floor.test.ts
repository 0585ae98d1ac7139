import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMessage } from '../../bench/script-process.js';
import { runLoops, splitIterations } from '../../bench/services-floor.js';
import { measureFloorCost } from '../../bench/services-floor-cost.js';
import { floorJobSchema, floorMessageSchema, floorWarmup } from '../../bench/services-floor-protocol.js';
import { SERVICE_MIGRATIONS } from '../../services/migrate.js';
import { createTestPostgresDatabase, type TestDatabase } from '../../services/test-support/index.js';

describe('the floor with as many lists in flight as the load has connections', () => {
  it('shares the iterations across the loops as evenly as they divide, and never starts an empty loop', () => {
    expect(splitIterations(500, 20)).toEqual(Array(20).fill(25));
    // 503 = 20 × 25 + 3: the first three loops run one more.
    expect(splitIterations(503, 20)).toEqual([26, 26, 26, ...Array(17).fill(25)]);
    expect(splitIterations(3, 20)).toEqual([1, 1, 1]);
    expect(splitIterations(0, 20)).toEqual([]);
    expect(splitIterations(7, 1)).toEqual([7]);
    expect(() => splitIterations(10, 0)).toThrow(/concurrency must be a positive whole number, got 0/);
    expect(() => splitIterations(1.5, 2)).toThrow(/iterations must be a whole number, got 1.5/);
  });

  it('keeps exactly `concurrency` lists in flight, each loop awaiting its own, until the total is run', async () => {
    let inFlight = 0;
    let most = 0;
    let calls = 0;
    const once = async () => {
      calls++;
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight--;
    };
    await runLoops(once, 103, 20);
    expect({ calls, most, inFlight }).toEqual({ calls: 103, most: 20, inFlight: 0 });
  });

  it('warms up with 4,000 lists, and at least two per loop', () => {
    expect([floorWarmup(1), floorWarmup(20), floorWarmup(2500)]).toEqual([4000, 4000, 5000]);
  });
});

describe("the floor process's messages", () => {
  it('reads ready, done and failed lines and leaves out any other line', () => {
    const read = (line: string) => parseMessage(line, floorMessageSchema);
    expect(read('{"event":"ready"}')).toEqual({ event: 'ready' });
    expect(read('{"event":"done","iterations":500}')).toEqual({ event: 'done', iterations: 500 });
    expect(read('{"event":"failed","message":"no database"}')).toEqual({
      event: 'failed',
      message: 'no database',
    });
    expect(read('(node:12) Warning: something a library printed')).toBeUndefined();
    expect(read('{"event":"done"}')).toBeUndefined();
    expect(read('{"event":"go"}')).toBeUndefined();
    expect(read('42')).toBeUndefined();
  });

  it('refuses a job without what the floor needs', () => {
    const job = {
      service: 'promptads',
      databaseUrl: 'postgres://127.0.0.1/x',
      rows: 100,
      poolMax: 20,
      iterations: 500,
      concurrency: 20,
      warmup: 100,
      httpBody: { items: [] },
    };
    expect(floorJobSchema.parse(job)).toEqual(job);
    expect(floorJobSchema.safeParse({ ...job, service: 'crm' }).success).toBe(false);
    expect(floorJobSchema.safeParse({ ...job, concurrency: 0 }).success).toBe(false);
    expect(floorJobSchema.safeParse({ ...job, poolMax: 101 }).success).toBe(false);
  });
});

describe('the floor process against a real database (ready, go, done)', () => {
  let database: TestDatabase;
  const empty = { items: [], nextCursor: null };
  const job = () => ({
    node: process.execPath,
    service: 'promptads' as const,
    databaseUrl: database.url,
    rows: 100,
    poolMax: 4,
    iterations: 40,
    concurrency: 4,
  });

  beforeAll(async () => {
    database = await createTestPostgresDatabase('floor_process');
    await SERVICE_MIGRATIONS.find((m) => m.service === 'promptads')!.migrate({ DATABASE_URL: database.url });
  });
  afterAll(() => database?.drop());

  it("measures the loop and reports the process's own CPU per list", async () => {
    // A migrated database with no campaigns: the list over HTTP would be empty too.
    const figures = await measureFloorCost({ ...job(), httpBody: empty });
    expect(figures).toMatchObject({ iterations: 40, concurrency: 4 });
    expect(figures.cpuMsPerRequest).toBeGreaterThanOrEqual(0);
    expect(figures.dbCpuMsPerRequest).toBeGreaterThanOrEqual(0);
  });

  it("stops when the floor's JSON is not what the service answered over HTTP", async () => {
    await expect(
      measureFloorCost({ ...job(), httpBody: { items: [{ id: 'x' }], nextCursor: null } }),
    ).rejects.toThrow(/promptads floor: promptads: the floor's JSON differs from GET \/campaigns over HTTP/);
  });
});
