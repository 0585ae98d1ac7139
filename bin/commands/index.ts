import type { Command, CommandContext } from './context.js';

type CommandFactory = (context: CommandContext) => Command;

/**
 * Every `promptsales` subcommand, in the order `--help` lists them, each loaded only when asked for:
 * `capacity` never loads autocannon (calibrate) or the policy engine (policy).
 */
const COMMANDS: Record<string, () => Promise<CommandFactory>> = {
  capacity: async () => (await import('./capacity.js')).capacityCommand,
  sla: async () => (await import('./sla.js')).slaCommand,
  calibrate: async () => (await import('./calibrate.js')).calibrateCommand,
  simulate: async () => (await import('./simulate.js')).simulateCommand,
  policy: async () => (await import('./policy.js')).policyCommand,
};

export const COMMAND_NAMES = Object.keys(COMMANDS);

/**
 * The commands `argv` needs: only the one it names, or all of them when it names none or an unknown
 * one (for --help, and for the "did you mean" suggestion).
 */
export async function commandsFor(argv: string[], context: CommandContext): Promise<Command[]> {
  const named = argv.find((arg) => !arg.startsWith('-'));
  const names = named !== undefined && named in COMMANDS ? [named] : COMMAND_NAMES;
  const factories = await Promise.all(names.map((name) => COMMANDS[name]!()));
  return factories.map((factory) => factory(context));
}
