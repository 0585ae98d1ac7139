import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEnvironmentSpec, loadSpecFile, parseSpec, SpecError } from './spec.js';
import { JSON_SCHEMA_PATH, platformSpecJsonSchema } from './write-json-schema.js';

function problemsOf(action: () => unknown): string[] {
  try {
    action();
  } catch (error) {
    if (error instanceof SpecError) return error.problems;
    throw error;
  }
  throw new Error('expected a SpecError');
}

describe('PlatformSpec defaults', () => {
  const spec = parseSpec({});

  it('reproduce the reference document’s inputs', () => {
    expect(spec.benchmarks).toEqual({
      perRequestLatencyMs: 75,
      workersPerInstance: 8,
      perPodRps: 691.66,
      perPodBenchmarkVcpu: 4,
      serviceTimeCv: 1,
    });
    expect(spec.requirements).toMatchObject({
      normalRpm: 100_000,
      peakRpm: 1_000_000,
      reserve: 0.15,
      slaTargetPercent: 99.9,
    });
    expect(spec.slas).toMatchObject({
      alb: 99.99,
      eks: 99.95,
      ec2: 99.99,
      aurora: 99.99,
      atlas: 99.995,
      elasticache: 99.99,
    });
    expect(spec.instance).toMatchObject({
      type: 'r7i.2xlarge',
      vcpu: 8,
      memoryGiB: 64,
      maxPods: 58,
    });
    expect(spec.instance.pricePerHourUsd).toBeUndefined();
    expect(spec.pod).toEqual({ cpuVcpu: 4, memoryGiB: 8 });
    expect(spec.costModel).toEqual({
      bytesPerRequest: 4_096,
      logBytesPerRequest: 300,
      natGiBPerNodeMonth: 10,
    });
    expect(spec.autoscaling).toMatchObject({
      cpuTargetPercent: 70,
      memoryTargetPercent: 70,
      spareReplicas: 1,
    });
  });

  it('list the four domain services at version 1 with their ports', () => {
    expect(spec.workloads.services.map((s) => [s.name, s.port, s.trafficShare])).toEqual([
      ['promptcontent', 3001, undefined],
      ['promptads', 3002, undefined],
      ['promptcrm', 3003, undefined],
      ['business', 3004, undefined],
    ]);
  });

  it('keep what an override does not name', () => {
    const override = parseSpec({ requirements: { peakRpm: 2_000_000 } });
    expect(override.requirements.peakRpm).toBe(2_000_000);
    expect(override.requirements.normalRpm).toBe(100_000);
  });
});

describe('environment files', () => {
  it('load prod with the reference requirements and dev at a tenth of them', () => {
    expect(loadEnvironmentSpec('prod').requirements.peakRpm).toBe(1_000_000);
    expect(loadEnvironmentSpec('dev').requirements.peakRpm).toBe(100_000);
    expect(loadEnvironmentSpec('dev').environment.name).toBe('dev');
  });

  it('point editors at the generated JSON Schema, which is up to date', () => {
    for (const env of ['dev', 'prod']) {
      const text = readFileSync(new URL(`./${env}.yaml`, import.meta.url), 'utf8');
      expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./platform-spec.schema.json');
    }
    const committed = JSON.parse(readFileSync(JSON_SCHEMA_PATH, 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(platformSpecJsonSchema())));
  });
});

describe('invalid specs', () => {
  it('name the field path and the rule, one line per problem', () => {
    const problems = problemsOf(() =>
      parseSpec({ requirements: { reserve: 1.2, peakRpm: -5 }, slas: { eks: 100 }, extra: true }),
    );
    expect(problems).toEqual([
      'requirements.peakRpm: must be at least 1 req/min',
      'requirements.reserve: Too big: expected number to be <1',
      'slas.eks: Too big: expected number to be <100',
      'extra: not a field of this section',
    ]);
  });

  it('reject a peak below the normal load, naming both fields', () => {
    expect(problemsOf(() => parseSpec({ requirements: { peakRpm: 1_000 } }))).toEqual([
      'requirements.peakRpm: must be at least requirements.normalRpm (100,000 req/min), got 1,000: the peak is the higher load',
    ]);
  });

  it('bound the figures that would otherwise print ∞ or send a search to infinity', () => {
    expect(problemsOf(() => parseSpec({ benchmarks: { perRequestLatencyMs: 1e308 } }))).toEqual([
      'benchmarks.perRequestLatencyMs: must be at most 60,000 ms',
    ]);
    expect(problemsOf(() => parseSpec({ requirements: { normalRpm: 1e-300, peakRpm: 1e-300 } }))).toEqual([
      'requirements.normalRpm: must be at least 1 req/min',
      'requirements.peakRpm: must be at least 1 req/min',
    ]);
  });

  it('hold a pod to one process per requested CPU, or one process on at most one CPU', () => {
    expect(problemsOf(() => parseSpec({ pod: { cpuVcpu: 4, processes: 1 } }))).toEqual([
      'pod.processes: a pod requesting 4 CPUs must run 4 processes (one per CPU), or request at most 1 CPU',
    ]);
    expect(problemsOf(() => parseSpec({ pod: { cpuVcpu: 0.5, processes: 2 } }))).toEqual([
      'pod.processes: a pod requesting 0.5 CPU runs one process; more need one CPU each',
    ]);
    expect(problemsOf(() => parseSpec({ pod: { cpuVcpu: 2.5 } }))).toEqual([
      'pod.cpuVcpu: a pod requesting 2.5 CPUs must run a whole number of processes (one per CPU), or request at most 1 CPU',
    ]);
    expect(parseSpec({ pod: { cpuVcpu: 0.5 } }).pod.cpuVcpu).toBe(0.5);
  });

  it('make traffic shares add up to 1 across the services and within each service', () => {
    const service = (name: string, port: number, trafficShare?: number) => ({
      name,
      port,
      ...(trafficShare === undefined ? {} : { trafficShare }),
      versions: [{ version: 1, image: 'a' }],
    });
    expect(
      problemsOf(() =>
        parseSpec({
          workloads: { services: [service('promptads', 3002, 0.5), service('business', 3004, 0.4)] },
        }),
      ),
    ).toEqual(['workloads.services: trafficShare: the shares must add up to 1 (they add up to 0.9)']);
    const canary = {
      name: 'promptads',
      port: 3002,
      versions: [
        { version: 1, image: 'a', trafficShare: 1 },
        { version: 2, image: 'b' },
      ],
    };
    expect(problemsOf(() => parseSpec({ workloads: { services: [canary] } }))).toEqual([
      'workloads.services.0.versions: trafficShare: the shares given add up to 1, leaving nothing for the 1 without one',
    ]);
  });

  it('reject duplicate versions and duplicate services', () => {
    const duplicateVersion = problemsOf(() =>
      parseSpec({
        workloads: {
          services: [
            {
              name: 'promptads',
              port: 3002,
              versions: [
                { version: 1, image: 'a' },
                { version: 1, image: 'b' },
              ],
            },
          ],
        },
      }),
    );
    expect(duplicateVersion).toEqual([
      'workloads.services.0.versions: each version number may appear only once',
    ]);
    const service = { name: 'promptads', port: 3002, versions: [{ version: 1, image: 'a' }] };
    expect(problemsOf(() => parseSpec({ workloads: { services: [service, service] } }))).toEqual([
      'workloads.services: each service may appear only once',
    ]);
  });

  it('report unreadable files and malformed YAML with the file name', () => {
    expect(problemsOf(() => loadSpecFile('/nonexistent/spec.yaml'))).toEqual(['cannot be read (ENOENT)']);
    const malformed = join(tmpdir(), `spec-${process.pid}.yaml`);
    writeFileSync(malformed, 'requirements: [\n');
    expect(problemsOf(() => loadSpecFile(malformed))[0]).toMatch(/^is not valid YAML: /);
    writeFileSync(malformed, '- 1\n- 2\n');
    expect(problemsOf(() => loadSpecFile(malformed))).toEqual([
      '(root): expected a mapping of spec sections',
    ]);
  });
});
