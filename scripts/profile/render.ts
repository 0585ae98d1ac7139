/**
 * `npx tsx scripts/profile/render.ts <file.cpuprofile> [--last-seconds 30] [--svg <file>] [--title …]`
 *
 * Attributes a `.cpuprofile` already written (by `node --cpu-prof`, or by service-profile.ts) to
 * packages, files and functions, over its last `--last-seconds` (the load, without start-up), and
 * draws the icicle graph with `--svg`.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { attribute, frameLabel, moduleOf, readCpuProfile, selfTimes } from './cpuprofile.js';
import { flameGraphSvg } from './flame-svg.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'last-seconds': { type: 'string' },
    svg: { type: 'string' },
    title: { type: 'string' },
  },
});
const path = positionals[0];
if (!path) throw new Error('name a .cpuprofile file');
const profile = readCpuProfile(path);
const from = values['last-seconds'] ? profile.endTime - Number(values['last-seconds']) * 1e6 : -Infinity;
const self = selfTimes(profile, from);
const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
const total = [...self].reduce((sum, [id, us]) => (idle.has(id) ? sum : sum + us), 0);
for (const [heading, key, count] of [
  ['by package or file', moduleOf, 20],
  ['by function', frameLabel, 30],
] as const) {
  console.log(`\n${heading} (self time, share of CPU)`);
  for (const row of attribute(profile, self, key)
    .filter((r) => !r.name.startsWith('(idle)'))
    .slice(0, count)) {
    console.log(`${((row.selfUs / total) * 100).toFixed(1).padStart(5)} %  ${row.name}`);
  }
}
if (values.svg) {
  writeFileSync(values.svg, flameGraphSvg(profile, self, values.title ?? path));
  console.log(`\nwrote ${values.svg}`);
}
