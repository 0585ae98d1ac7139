import yargs, { type Argv } from 'yargs';
import { PlanError } from '../calculators/plan.js';
import { SpecError } from '../config/spec.js';
import type { CliIo, CommandContext } from './commands/context.js';
import { COMMAND_NAMES, commandsFor } from './commands/index.js';
import { EXIT_USAGE, UsageError } from './usage-error.js';

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

async function buildParser(argv: string[], context: CommandContext): Promise<Argv> {
  const available = await commandsFor(argv, context);
  let parser = yargs(argv)
    .scriptName('promptsales')
    .usage(
      '$0 <command> [options]\n\nCapacity planning and infrastructure checks for the PromptSales platform.',
    )
    .strict()
    .demandCommand(1, `name a command: ${COMMAND_NAMES.join(', ')}`)
    .recommendCommands()
    .help()
    .alias('help', 'h')
    .version(false)
    .wrap(Math.min(110, process.stdout.columns ?? 110))
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new UsageError([message]);
    });
  for (const command of available) parser = parser.command(command);
  return parser;
}

export type { CliIo } from './commands/context.js';

/** Runs the CLI and returns its exit code: 0 success, 1 a gate failed, 2 bad usage or input. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  let exitCode = 0;
  const context: CommandContext = { io, setExitCode: (code) => (exitCode = Math.max(exitCode, code)) };
  try {
    const parser = await buildParser(argv, context);
    await parser.parseAsync(argv, {}, (error, _argv, output) => {
      if (output && !error) io.stdout(`${output}\n`);
      if (error) throw error;
    });
  } catch (error) {
    if (error instanceof UsageError || error instanceof SpecError || error instanceof PlanError) {
      io.stderr(`${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
  return exitCode;
}
