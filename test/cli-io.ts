import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../bin/cli.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `promptsales <args>` in-process and captures what it prints. */
export async function runCli(...args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}

/** A spec file of `text` in a fresh temporary folder, for `--spec`. */
export function tempSpec(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'promptsales-')), name);
  writeFileSync(file, text);
  return file;
}
