import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startBusyNeighbour } from '../../bench/busy-neighbour.js';

/** The state letter of /proc/<pid>/stat (R running, S sleeping, …), or undefined once it is gone. */
function stateOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
  } catch {
    return undefined;
  }
}

describe('startBusyNeighbour', () => {
  it('runs a process that never sleeps until it is stopped', async () => {
    const neighbour = await startBusyNeighbour();
    try {
      // Past its start-up (which reads files, and may sleep), it only ever runs.
      await expect.poll(() => stateOf(neighbour.pid), { timeout: 5_000 }).toBe('R');
      const states = [];
      for (let sample = 0; sample < 5; sample++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        states.push(stateOf(neighbour.pid));
      }
      expect(states).toEqual(['R', 'R', 'R', 'R', 'R']);
    } finally {
      await neighbour.stop();
    }
    expect(stateOf(neighbour.pid)).toBeUndefined();
  });
});
