import { failedShare, probe, runLoad } from '../../lib/load-test.js';

/** One closed-loop load step, measured: what calibrate needs from a load generator, nothing more. */
export interface MeasuredStep {
  connections: number;
  durationSeconds: number;
  requestsPerSecond: number;
  totalRequests: number;
  latencyMs: { p50: number; p99: number; average: number };
  failedShare: number;
  /** CPU this process (the generator) used over the step, as a share of one CPU. */
  generatorCpuShare: number;
}

export interface LoadGenerator {
  /** Throws with the reason when nothing answers at the URL. */
  probe(url: string, headers: Record<string, string>): Promise<void>;
  step(
    url: string,
    connections: number,
    durationSeconds: number,
    headers: Record<string, string>,
  ): Promise<MeasuredStep>;
}

/** autocannon, in this process: its own CPU use is what `process.cpuUsage` counts. */
export const autocannonGenerator: LoadGenerator = {
  async probe(url, headers) {
    await probe(url, headers);
  },
  async step(url, connections, durationSeconds, headers) {
    const cpuBefore = process.cpuUsage();
    const wallBefore = process.hrtime.bigint();
    const load = await runLoad({ url, connections, durationSeconds, headers });
    const cpu = process.cpuUsage(cpuBefore);
    const wallMicros = Number(process.hrtime.bigint() - wallBefore) / 1000;
    return {
      connections,
      durationSeconds: load.durationSeconds,
      requestsPerSecond: load.requestsPerSecond,
      totalRequests: load.totalRequests,
      latencyMs: load.latencyMs,
      failedShare: failedShare(load),
      generatorCpuShare: (cpu.user + cpu.system) / wallMicros,
    };
  },
};
