import { calibrateCommand } from './calibrate.js';
import { capacityCommand } from './capacity.js';
import type { Command, CommandContext } from './context.js';
import { policyCommand } from './policy.js';
import { simulateCommand } from './simulate.js';
import { slaCommand } from './sla.js';

/** Every `promptsales` subcommand, in the order `--help` lists them. */
export function commands(context: CommandContext): Command[] {
  return [
    capacityCommand(context),
    slaCommand(context),
    calibrateCommand(context),
    simulateCommand(context),
    policyCommand(context),
  ];
}
