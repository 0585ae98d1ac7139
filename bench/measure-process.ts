import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const usagePreload = fileURLToPath(new URL('./report-usage.mjs', import.meta.url));

export interface ProcessMeasurement {
  wallMs: number;
  /** User plus system CPU: the figure to compare on a busy machine, where wall time swells. */
  cpuMs: number;
  peakRssMiB: number;
  exitCode: number | null;
  stderr: string;
}

/**
 * Runs `node <args>` to completion and measures its wall time, CPU time and peak RSS. Only the Node
 * process itself is counted: the preload reads `process.resourceUsage()` as it exits.
 */
export async function measureNode(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ProcessMeasurement> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-usage-'));
  const usageFile = join(dir, 'maxrss');
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', usagePreload, ...args], {
    env: { ...process.env, ...env, BENCH_USAGE_FILE: usageFile },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const wallMs = performance.now() - started;
  try {
    // resourceUsage(): maxRSS in KiB, CPU times in microseconds.
    const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as NodeJS.ResourceUsage;
    const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
    return { wallMs, cpuMs, peakRssMiB: usage.maxRSS / 1024, exitCode, stderr };
  } catch {
    return { wallMs, cpuMs: Number.NaN, peakRssMiB: Number.NaN, exitCode, stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
