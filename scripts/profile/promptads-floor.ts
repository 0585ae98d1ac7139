import pg from 'pg';
import { toPage } from '../../services/kit/index.js';
import { PgCampaignRepository } from '../../services/promptads/infrastructure/pg-campaigns.js';

/**
 * The floor of PromptAds' list in this process: the repository's own query of `rows + 1` rows and
 * the page serialized with `JSON.stringify`, in a loop, no HTTP. Returns this process's CPU
 * milliseconds per iteration (process.cpuUsage), median of `runs`.
 */
export async function promptAdsFloorCpuMs(
  databaseUrl: string,
  tenantId: string,
  rows: number,
  options: { iterations?: number; runs?: number } = {},
): Promise<number[]> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  const repository = new PgCampaignRepository(pool);
  const once = async () => {
    const page = toPage(await repository.list(tenantId, { limit: rows + 1 }), rows, (campaign) => ({
      sortKey: campaign.createdAt,
      id: campaign.id,
    }));
    if (JSON.stringify(page).length === 0 || page.items.length !== rows)
      throw new Error('floor read no rows');
  };
  try {
    for (let i = 0; i < 50; i++) await once();
    const perRun: number[] = [];
    for (let run = 0; run < (options.runs ?? 3); run++) {
      const iterations = options.iterations ?? 300;
      const before = process.cpuUsage();
      for (let i = 0; i < iterations; i++) await once();
      const used = process.cpuUsage(before);
      perRun.push((used.user + used.system) / 1000 / iterations);
    }
    return perRun;
  } finally {
    await pool.end();
  }
}
