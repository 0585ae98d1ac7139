import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureNode, median } from './measure-process.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const TSC = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
const BUILD_INFO = fileURLToPath(new URL('../.tsbuild/', import.meta.url));

export interface TypecheckBenchmark {
  command: string;
  runs: number;
  /** Cold: no .tsbuildinfo, every project checked from scratch. */
  medianWallMs: number;
  minWallMs: number;
  maxWallMs: number;
  medianCpuMs: number;
  medianPeakRssMiB: number;
  /** One more cold `tsc -b --extendedDiagnostics`, per project in build order. */
  projects: ProjectTypecheck[];
}

/**
 * What one project of `tsc -b` cost: instantiations do not depend on the machine, the times do
 * (in-process timers, so on a busy machine they include time spent waiting for a core).
 */
export interface ProjectTypecheck {
  project: string;
  files: number;
  instantiations: number;
  programMs: number;
  bindMs: number;
  checkMs: number;
  emitMs: number;
  totalMs: number;
}

/** `npm run typecheck` (`tsc -b`) from cold, `runs` times; the incremental state is removed before each. */
export async function benchmarkTypecheck(runs = 5): Promise<TypecheckBenchmark> {
  const measurements = [];
  for (let run = 0; run < runs; run++) {
    rmSync(BUILD_INFO, { recursive: true, force: true });
    const measurement = await measureNode([TSC, '-b', ROOT]);
    if (measurement.exitCode !== 0) throw new Error('tsc -b failed: `npm run typecheck` shows the errors');
    measurements.push(measurement);
  }
  const walls = measurements.map((m) => m.wallMs);
  return {
    command: 'tsc -b (cold)',
    runs,
    medianWallMs: median(walls),
    minWallMs: Math.min(...walls),
    maxWallMs: Math.max(...walls),
    medianCpuMs: median(measurements.map((m) => m.cpuMs)),
    medianPeakRssMiB: median(measurements.map((m) => m.peakRssMiB)),
    projects: measureProjects(),
  };
}

/** A cold `tsc -b --verbose --extendedDiagnostics`, its statistics split by the project they follow. */
export function measureProjects(): ProjectTypecheck[] {
  rmSync(BUILD_INFO, { recursive: true, force: true });
  const output = execFileSync(process.execPath, [TSC, '-b', ROOT, '--verbose', '--extendedDiagnostics'], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  return parseProjectStatistics(output);
}

export function parseProjectStatistics(output: string): ProjectTypecheck[] {
  const projects: ProjectTypecheck[] = [];
  // `Building project '<path>'...` opens a project; its statistics follow, before the next one.
  for (const section of output.split(/Building project '/).slice(1)) {
    const path = section.slice(0, section.indexOf("'"));
    const count = (name: string) =>
      Number(section.match(new RegExp(`^${name}:\\s+(\\d+)`, 'm'))?.[1] ?? Number.NaN);
    const time = (name: string) =>
      Number(section.match(new RegExp(`^${name} time:\\s+([\\d.]+)s`, 'm'))?.[1] ?? Number.NaN) * 1000;
    projects.push({
      project: relative(ROOT, path),
      files: count('Files'),
      instantiations: count('Instantiations'),
      programMs: time('Program'),
      bindMs: time('Bind'),
      checkMs: time('Check'),
      emitMs: time('Emit'),
      totalMs: time('Total'),
    });
  }
  return projects;
}
