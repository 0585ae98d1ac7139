/**
 * A process that keeps one core busy, for a measurement that must see the machine as the service
 * under load sees it. A service's CPU per request is read while the load generator keeps the other
 * core busy; on this machine class a process's CPU per unit of work grows when the other core is
 * busy (the floor of PromptCrm's list: 0.42 ms per list beside an idle core, 0.56 ms beside a
 * spinning one, measured with scripts/profile/service-profile.ts), so a floor read beside an idle
 * core would charge that difference to the service.
 */
import { spawn } from 'node:child_process';

export interface BusyNeighbour {
  pid: number;
  /** Kills the process; resolves once it has exited. */
  stop(): Promise<void>;
}

export async function startBusyNeighbour(node: string = process.execPath): Promise<BusyNeighbour> {
  const child = spawn(node, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', reject);
  });
  return {
    pid: child.pid!,
    stop: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
