import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureNode, median } from './measure-process.js';
import { runToEnd } from './run-to-end.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** The compiler `npm run typecheck` runs: TypeScript 7, native. */
export const NATIVE_TSC = fileURLToPath(
  new URL('../node_modules/typescript-native/bin/tsc', import.meta.url),
);
/** TypeScript 5.9, the JavaScript compiler (kept for openapi-typescript's API): the comparison. */
export const JAVASCRIPT_TSC = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
const BUILD_INFO = fileURLToPath(new URL('../.tsbuild/', import.meta.url));

export interface TypecheckBenchmark {
  command: string;
  /** The version `npm run typecheck` checks with. */
  version: string;
  runs: number;
  /** Cold: no .tsbuildinfo, every project checked from scratch. */
  medianWallMs: number;
  minWallMs: number;
  maxWallMs: number;
  /** User plus system CPU of the compiler and its launcher. */
  medianCpuMs: number;
  /** One more cold `tsc -b --extendedDiagnostics`, per project in build order. */
  projects: ProjectTypecheck[];
  /** The same cold `tsc -b` with TypeScript 5.9's JavaScript compiler, in the same run. */
  javascriptCompiler: {
    version: string;
    runs: number;
    medianWallMs: number;
    medianCpuMs: number;
    medianPeakRssMiB: number;
  };
  /** The JavaScript compiler's median wall time ÷ the native compiler's. */
  wallRatio: number;
}

/**
 * What one project of `tsc -b` cost: instantiations do not depend on the machine, the times do
 * (in-process timers, so on a busy machine they include time spent waiting for a core).
 */
export interface ProjectTypecheck {
  project: string;
  files: number;
  instantiations: number;
  parseMs: number;
  checkMs: number;
  emitMs: number;
  totalMs: number;
}

interface Measurement {
  wallMs: number;
  cpuMs: number;
}

/**
 * `npm run typecheck` (`tsc -b` with the native compiler) from cold, `runs` times, and the same with
 * the JavaScript compiler `javascriptRuns` times; the incremental state is removed before each.
 */
export async function benchmarkTypecheck(runs = 5, javascriptRuns = 3): Promise<TypecheckBenchmark> {
  const native: Measurement[] = [];
  for (let run = 0; run < runs; run++) {
    rmSync(BUILD_INFO, { recursive: true, force: true });
    native.push(await measureWithChildren(process.execPath, [NATIVE_TSC, '-b', ROOT]));
  }
  const javascript = [];
  for (let run = 0; run < javascriptRuns; run++) {
    rmSync(BUILD_INFO, { recursive: true, force: true });
    const measurement = await measureNode([JAVASCRIPT_TSC, '-b', ROOT]);
    if (measurement.exitCode !== 0) throw new Error(`TypeScript 5.9's tsc -b failed:\n${measurement.stderr}`);
    javascript.push(measurement);
  }
  const walls = native.map((m) => m.wallMs);
  const javascriptWall = median(javascript.map((m) => m.wallMs));
  return {
    command: 'npm run typecheck (tsc -b, cold)',
    version: versionOf(NATIVE_TSC),
    runs,
    medianWallMs: median(walls),
    minWallMs: Math.min(...walls),
    maxWallMs: Math.max(...walls),
    medianCpuMs: median(native.map((m) => m.cpuMs)),
    projects: measureProjects(),
    javascriptCompiler: {
      version: versionOf(JAVASCRIPT_TSC),
      runs: javascriptRuns,
      medianWallMs: javascriptWall,
      medianCpuMs: median(javascript.map((m) => m.cpuMs)),
      medianPeakRssMiB: median(javascript.map((m) => m.peakRssMiB)),
    },
    wallRatio: javascriptWall / median(walls),
  };
}

function versionOf(tsc: string): string {
  return execFileSync(process.execPath, [tsc, '--version'], { encoding: 'utf8' })
    .replace('Version', '')
    .trim();
}

/**
 * Runs `command args` through `sh`, whose `times` built-in prints the CPU of every process it waited
 * for: the native compiler runs as a child of its Node launcher, which `process.resourceUsage()` in
 * the launcher would not count.
 */
async function measureWithChildren(command: string, args: string[]): Promise<Measurement> {
  const started = performance.now();
  const { code, stdout, stderr } = await runToEnd('sh', [
    '-c',
    '"$0" "$@"; status=$?; times >&2; exit $status',
    command,
    ...args,
  ]);
  const wallMs = performance.now() - started;
  if (code !== 0) throw new Error(`tsc -b failed: \`npm run typecheck\` shows the errors\n${stdout}`);
  return { wallMs, cpuMs: childrenCpuMs(stderr) };
}

/**
 * The children's user plus system CPU from the output of `times`: its second line,
 * `<user>m<seconds>s <system>m<seconds>s` (the first is the shell's own).
 */
export function childrenCpuMs(timesOutput: string): number {
  const lines = timesOutput.trim().split('\n');
  const fields = lines.at(-1)?.trim().split(/\s+/) ?? [];
  const milliseconds = fields.map((field) => {
    const match = /^(\d+)m([\d.]+)s$/.exec(field);
    if (!match) throw new Error(`not the output of times: ${JSON.stringify(timesOutput)}`);
    return (Number(match[1]) * 60 + Number(match[2])) * 1000;
  });
  if (milliseconds.length !== 2) throw new Error(`not the output of times: ${JSON.stringify(timesOutput)}`);
  return milliseconds[0]! + milliseconds[1]!;
}

/** A cold `tsc -b --verbose --extendedDiagnostics`, its statistics split by the project they follow. */
export function measureProjects(): ProjectTypecheck[] {
  rmSync(BUILD_INFO, { recursive: true, force: true });
  const output = execFileSync(
    process.execPath,
    [NATIVE_TSC, '-b', ROOT, '--verbose', '--extendedDiagnostics'],
    {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    },
  );
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
      parseMs: time('Parse'),
      checkMs: time('Check'),
      emitMs: time('Emit'),
      totalMs: time('Total'),
    });
  }
  return projects;
}
