/**
 * An icicle graph (a flame graph drawn from the root down) of a CPU profile's window as a
 * self-contained SVG: one box per call path, as wide as the time spent in it and below it.
 */
import { type CallFrame, type CpuProfile, frameLabel, moduleOf } from './cpuprofile.js';

interface Box {
  label: string;
  module: string;
  totalUs: number;
  children: Map<string, Box>;
}

const WIDTH = 1200;
const ROW = 17;
const TOP = 40;
/** Boxes narrower than this many pixels are left out (their time still counts in their parents). */
const MIN_WIDTH = 0.4;

/** Frames that are not CPU work of the process: waiting for I/O. */
const IDLE = new Set(['(idle)']);

function colourOf(module: string): string {
  if (module.startsWith('services/kit/')) return '#e8a33d';
  if (module.startsWith('services/')) return '#d9534f';
  if (module.startsWith('node:')) return '#7fa7d6';
  if (module.startsWith('(')) return '#b0b0b0';
  if (module === 'pg' || module.startsWith('pg-')) return '#5cb85c';
  if (
    module === 'fastify' ||
    module.startsWith('@fastify/') ||
    module.startsWith('fast-') ||
    module === 'find-my-way'
  )
    return '#9b7fd6';
  return '#c7b54a';
}

const escapeXml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

function buildTree(profile: CpuProfile, self: Map<number, number>): Box {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const root: Box = { label: 'all', module: '(root)', totalUs: 0, children: new Map() };
  const childIds = new Set(profile.nodes.flatMap((node) => node.children ?? []));
  const walk = (id: number, parent: Box): number => {
    const node = byId.get(id)!;
    const frame: CallFrame = node.callFrame;
    if (IDLE.has(frame.functionName)) return 0;
    const label = frameLabel(frame);
    const box = parent.children.get(label) ?? {
      label,
      module: moduleOf(frame),
      totalUs: 0,
      children: new Map<string, Box>(),
    };
    let total = self.get(id) ?? 0;
    for (const child of node.children ?? []) total += walk(child, box);
    if (total > 0) {
      box.totalUs += total;
      parent.children.set(label, box);
    }
    return total;
  };
  for (const node of profile.nodes) {
    if (childIds.has(node.id)) continue;
    // V8's root frame is `(root)`: start below it.
    for (const child of node.children ?? []) root.totalUs += walk(child, root);
  }
  return root;
}

/** The SVG text of the window's icicle graph, `title` on top; time per box in ms and as a share. */
export function flameGraphSvg(profile: CpuProfile, self: Map<number, number>, title: string): string {
  const root = buildTree(profile, self);
  const scale = root.totalUs > 0 ? WIDTH / root.totalUs : 0;
  const rects: string[] = [];
  let depth = 0;
  const draw = (box: Box, x: number, level: number) => {
    const width = box.totalUs * scale;
    if (width < MIN_WIDTH) return;
    depth = Math.max(depth, level);
    const y = TOP + level * ROW;
    const share = ((box.totalUs / root.totalUs) * 100).toFixed(1);
    const tip = `${box.label} — ${(box.totalUs / 1000).toFixed(0)} ms, ${share} %`;
    const chars = Math.floor((width - 6) / 6.5);
    const text =
      chars >= 3
        ? `<text x="${(x + 3).toFixed(1)}" y="${y + 12}">${escapeXml(box.label.length > chars ? `${box.label.slice(0, chars - 1)}…` : box.label)}</text>`
        : '';
    rects.push(
      `<g><title>${escapeXml(tip)}</title><rect x="${x.toFixed(1)}" y="${y}" width="${width.toFixed(1)}" height="${ROW - 1}" fill="${colourOf(box.module)}" rx="1"/>${text}</g>`,
    );
    let childX = x;
    for (const child of [...box.children.values()].sort((a, b) => b.totalUs - a.totalUs)) {
      draw(child, childX, level + 1);
      childX += child.totalUs * scale;
    }
  };
  draw(root, 0, 0);
  const legend = [
    ['service', '#d9534f'],
    ['kit', '#e8a33d'],
    ['fastify', '#9b7fd6'],
    ['pg', '#5cb85c'],
    ['other packages', '#c7b54a'],
    ['node', '#7fa7d6'],
    ['V8 / GC / native', '#b0b0b0'],
  ]
    .map(
      ([name, colour], i) =>
        `<rect x="${4 + i * 120}" y="22" width="10" height="10" fill="${colour}"/><text x="${18 + i * 120}" y="31">${name}</text>`,
    )
    .join('');
  const height = TOP + (depth + 1) * ROW + 4;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="monospace" font-size="11">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="4" y="15" font-size="12" font-weight="bold">${escapeXml(title)}</text>`,
    legend,
    ...rects,
    '</svg>',
    '',
  ].join('\n');
}
