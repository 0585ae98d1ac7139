// Preloaded into a measured process: on exit, writes its own process.resourceUsage() where asked.
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_USAGE_FILE;
if (target) {
  process.on('exit', () => writeFileSync(target, JSON.stringify(process.resourceUsage())));
}
