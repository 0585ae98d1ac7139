import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIOME = path.join(ROOT, 'node_modules/@biomejs/biome/bin/biome');

/**
 * Lints `source` written at `file` in a scratch folder that holds the repository's biome.json, so the
 * real per-folder rules apply without touching the working tree.
 */
function lintAs(file: string, source: string): { failed: boolean; output: string } {
  const folder = mkdtempSync(path.join(tmpdir(), 'promptsales-layers-'));
  try {
    copyFileSync(path.join(ROOT, 'biome.json'), path.join(folder, 'biome.json'));
    mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    writeFileSync(path.join(folder, file), `${source}\n`);
    const run = spawnSync(process.execPath, [BIOME, 'lint', '--only=style/noRestrictedImports', file], {
      cwd: folder,
      encoding: 'utf8',
    });
    return { failed: run.status !== 0, output: run.stdout + run.stderr };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

// Each crossing the layer rules forbid, written where it would be made; and the allowed direction next to it.
const CROSSINGS: [file: string, source: string][] = [
  ['services/promptads/app.ts', "import '../../config/spec.js';"],
  ['services/kit/app.ts', "import { Stack } from 'cdktf';\nexport { Stack };"],
  ['services/kit/problem.ts', "import '../shared/use-case-context.js';"],
  ['services/kit/errors.ts', "import '../promptcrm/config.js';"],
  ['policies/engine/load.ts', "import '../../stacks/platform.js';"],
  ['policies/rules/eks/x.ts', "import '../../../calculators/plan.js';"],
  ['policies/run.ts', "import { App } from 'cdktf';\nexport { App };"],
  ['calculators/plan.ts', "import '../stacks/platform.js';"],
  ['config/spec.ts', "import '../bin/cli.js';"],
  ['config/spec.ts', "import '../policies/run.js';"],
  ['bin/commands/capacity.ts', "import { Vpc } from '@cdktf/provider-aws/lib/vpc';\nexport { Vpc };"],
  ['bin/commands/calibrate.ts', "import '../../bench/services.js';"],
  ['bench/run.ts', "import '../bin/report/format.js';"],
  ['lib/open-loop.ts', "import '../services/kit/index.js';"],
  ['test/cli-io.ts', "import { Testing } from 'cdktf';\nexport { Testing };"],
];

const ALLOWED: [file: string, source: string][] = [
  ['services/promptads/app.ts', "import '../kit/index.js';"],
  ['services/promptcrm/domain/lead.ts', "import '../../kit/domain-errors.js';"],
  ['policies/rules/eks/x.ts', "import '../../../config/capacity-annotations.js';"],
  ['stacks/vpc.ts', "import { Vpc } from '@cdktf/provider-aws/lib/vpc';\nexport { Vpc };"],
  ['bin/main.ts', "import '../stacks/environments.js';"],
  ['bin/commands/calibrate.ts', "import '../../lib/load-test.js';"],
  ['bench/services.ts', "import '../lib/load-test.js';"],
  // The floor runs the services' own use cases, repositories and routes in the bench process.
  ['bench/services-floor-subjects.ts', "import '../services/promptads/infrastructure/pg-campaigns.js';"],
  ['test/stacks/x.test.ts', "import { Testing } from 'cdktf';\nexport { Testing };"],
];

describe('the layer rules (Biome noRestrictedImports per folder)', () => {
  it.each(CROSSINGS)('fail lint for a crossing in %s: %s', (file, source) => {
    const { failed, output } = lintAs(file, source);
    expect(failed).toBe(true);
    expect(output).toContain('noRestrictedImports');
  });

  it.each(ALLOWED)('let an allowed import in %s pass: %s', (file, source) => {
    const { failed, output } = lintAs(file, source);
    expect(output).not.toContain('noRestrictedImports');
    expect(failed).toBe(false);
  });
});
