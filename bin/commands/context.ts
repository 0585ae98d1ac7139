import type { CommandModule } from 'yargs';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** What a command may touch: its output streams and the process's exit code (0, 1 for a failed gate). */
export interface CommandContext {
  io: CliIo;
  setExitCode: (code: number) => void;
}

// yargs' own typings need `any` for a heterogeneous list of commands.
// biome-ignore lint/suspicious/noExplicitAny: see above
export type Command = CommandModule<any, any>;
