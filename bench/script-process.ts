/**
 * A bench script (TypeScript, through tsx) in a child process of its own, and the JSON messages it
 * writes one a line on stdout: what the floor and the open-loop generator use to run away from the
 * harness's heap and event loop. Lines that are not messages (a library's log) are left out of the
 * messages and kept in the output tail for failure messages.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { keepOutputTail } from './services-process.js';

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));

export interface ScriptProcess<Message> {
  child: ChildProcess;
  /** The next message, or an error with the process's output once it has exited without one. */
  next(): Promise<Message>;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
  output(): string;
}

/** A message line of `schema`'s shape, or undefined for any other line. */
export function parseMessage<Message>(line: string, schema: z.ZodType<Message>): Message | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** What a script sends its parent. */
export function sendMessage(message: object): void {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

/**
 * Starts `node --import tsx <script> …args` from the repository's root, with `env` (plus PATH) and
 * a pipe to its stdin.
 */
export function startScript<Message>(
  node: string,
  script: string,
  args: readonly string[],
  schema: z.ZodType<Message>,
  env: Record<string, string> = {},
): ScriptProcess<Message> {
  const child = spawn(node, ['--import', 'tsx', script, ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const output = keepOutputTail(child);
  // A process that exits early closes its stdin: the exit, with its output, is the error to report.
  child.stdin!.on('error', () => {});
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  return {
    child,
    exited,
    output,
    next: async () => {
      for (;;) {
        const line = await lines.next();
        if (line.done) {
          const code = await exited;
          throw new Error(`${script} exited with ${code} before its next message:\n${output()}`);
        }
        const message = parseMessage(line.value, schema);
        if (message !== undefined) return message;
      }
    },
  };
}
