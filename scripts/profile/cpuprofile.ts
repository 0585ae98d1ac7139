/**
 * Reading a V8 `.cpuprofile` (what `node --cpu-prof` writes): self time per function, per source
 * file and per npm package, over the whole profile or a window of it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

export interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  /** Microseconds, on the monotonic clock `process.hrtime` reads. */
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/**
 * Reads a profile; frames in a bundle that has a source map beside it (`main.js.map`, as
 * `services/build.mjs` writes) are moved to their original file and line, so the kit and the
 * service's own modules are told apart.
 */
export function readCpuProfile(path: string): CpuProfile {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const maps = new Map<string, SourceMap | undefined>();
  const mapFile = (url: string) => `${url.startsWith('file:') ? fileURLToPath(url) : url}.map`;
  const mapOf = (url: string) => {
    if (!maps.has(url)) {
      const file = mapFile(url);
      maps.set(url, existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, 'utf8'))) : undefined);
    }
    return maps.get(url);
  };
  for (const node of profile.nodes) {
    const frame = node.callFrame;
    if (!frame.url.endsWith('.js') || frame.url.includes('/node_modules/')) continue;
    const entry = mapOf(frame.url)?.findEntry(frame.lineNumber, frame.columnNumber);
    if (entry && 'originalSource' in entry && entry.originalSource) {
      frame.url = new URL(entry.originalSource, pathToFileURL(mapFile(frame.url))).href;
      frame.lineNumber = entry.originalLine;
    }
  }
  return profile;
}

/** Self time (µs) per node id, counting only samples taken between `fromUs` and `toUs` (monotonic clock). */
export function selfTimes(profile: CpuProfile, fromUs = -Infinity, toUs = Infinity): Map<number, number> {
  const self = new Map<number, number>();
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] ?? 0;
    // A sample's time is the interval up to the next one.
    const next = profile.timeDeltas[i + 1] ?? 0;
    if (at < fromUs || at > toUs) continue;
    const id = profile.samples[i]!;
    self.set(id, (self.get(id) ?? 0) + next);
  }
  return self;
}

/** Where a frame's code lives: an npm package, a file of the project, Node's internals, or V8's own bucket. */
export function moduleOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return url;
  const nodeModules = url.lastIndexOf('/node_modules/');
  if (nodeModules >= 0) {
    const rest = url.slice(nodeModules + '/node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  const project = url.indexOf('/services/');
  return project >= 0 ? url.slice(project + 1) : url.replace(/^file:\/\//, '');
}

export interface Attribution {
  name: string;
  selfUs: number;
}

/** Self time summed by `key` of each node's frame, largest first. */
export function attribute(
  profile: CpuProfile,
  self: Map<number, number>,
  key: (frame: CallFrame) => string,
): Attribution[] {
  const sums = new Map<string, number>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const [id, us] of self) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    const name = key(frame);
    sums.set(name, (sums.get(name) ?? 0) + us);
  }
  return [...sums].map(([name, selfUs]) => ({ name, selfUs })).sort((a, b) => b.selfUs - a.selfUs);
}

/** `function (module:line)`, the label of one frame. */
export function frameLabel(frame: CallFrame): string {
  const name = frame.functionName || '(anonymous)';
  return frame.url ? `${name} ${moduleOf(frame)}:${frame.lineNumber + 1}` : name;
}
