import type { Command, CommandContext } from './context.js';

/** Every `promptsales` subcommand, in the order `--help` lists them. */
export function commands(_context: CommandContext): Command[] {
  return [];
}
