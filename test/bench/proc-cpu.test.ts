import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  cpuTicks,
  parseProcStat,
  perRequest,
  processesNamed,
  processTree,
  readAllProcStats,
  ticksToMs,
} from '../../bench/proc-cpu.js';

/** A /proc/<pid>/stat line with the given fields, the others zero (proc(5) order). */
function statLine(pid: number, comm: string, ppid: number, times: [number, number, number, number]): string {
  // state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime priority …
  const fields = ['S', ppid, 1, 1, 0, -1, 4194304, 10, 0, 0, 0, ...times, 20, 0, 1, 0, 100];
  return `${pid} (${comm}) ${fields.join(' ')}\n`;
}

describe('parseProcStat', () => {
  it('reads pid, name, parent and the four CPU times', () => {
    expect(parseProcStat(statLine(42, 'postgres', 7, [11, 22, 33, 44]))).toEqual({
      pid: 42,
      comm: 'postgres',
      ppid: 7,
      utime: 11,
      stime: 22,
      cutime: 33,
      cstime: 44,
    });
  });

  it('counts the fields from the last parenthesis, so a name with spaces and parentheses parses', () => {
    const stat = parseProcStat(statLine(5, 'a) b (c', 1, [1, 2, 3, 4]));
    expect(stat.comm).toBe('a) b (c');
    expect([stat.ppid, stat.utime, stat.cstime]).toEqual([1, 1, 4]);
  });

  it('refuses a line that is not a stat line', () => {
    expect(() => parseProcStat('hello')).toThrow(/not a \/proc\/<pid>\/stat line/);
  });

  it('parses this process as the kernel writes it', () => {
    const stat = parseProcStat(readFileSync('/proc/self/stat', 'utf8'));
    expect(stat.pid).toBe(process.pid);
    expect(stat.ppid).toBe(process.ppid);
    expect(stat.comm).toBe(readFileSync('/proc/self/comm', 'utf8').trim());
  });
});

describe('process sets', () => {
  const stats = [
    parseProcStat(statLine(1, 'init', 0, [0, 0, 0, 0])),
    parseProcStat(statLine(10, 'node', 1, [5, 1, 100, 10])),
    parseProcStat(statLine(11, 'node', 10, [7, 2, 0, 0])),
    parseProcStat(statLine(12, 'node', 10, [3, 3, 0, 0])),
    parseProcStat(statLine(13, 'sh', 12, [1, 0, 0, 0])),
    parseProcStat(statLine(20, 'postgres', 1, [4, 4, 50, 5])),
    parseProcStat(statLine(21, 'postgres', 20, [9, 1, 0, 0])),
  ];

  it('a tree holds the root and every descendant, nothing else', () => {
    expect(
      processTree(stats, 10)
        .map((s) => s.pid)
        .sort(),
    ).toEqual([10, 11, 12, 13]);
    expect(processTree(stats, 99)).toEqual([]);
  });

  it('CPU ticks add user, system and reaped children time of every process in the set', () => {
    // (5+1+100+10) + (7+2) + (3+3) + 1
    expect(cpuTicks(processTree(stats, 10))).toBe(116 + 9 + 6 + 1);
    expect(cpuTicks(processesNamed(stats, ['postgres']))).toBe(4 + 4 + 50 + 5 + 9 + 1);
  });

  it('finds a child process started from here under this process', async () => {
    const child = spawn('sleep', ['5']);
    try {
      await new Promise((resolve) => child.once('spawn', resolve));
      const tree = processTree(readAllProcStats(), process.pid).map((s) => s.pid);
      expect(tree).toContain(process.pid);
      expect(tree).toContain(child.pid);
    } finally {
      child.kill();
    }
  });
});

describe('per-request arithmetic', () => {
  it('turns clock ticks into milliseconds', () => {
    expect(ticksToMs(250, 100)).toBe(2500);
    expect(ticksToMs(3, 1000)).toBe(3);
  });

  it('divides the CPU of the window by the completed requests, and has no figure for none', () => {
    expect(perRequest(2500, 1000)).toBe(2.5);
    expect(perRequest(0, 10)).toBe(0);
    expect(perRequest(120, 0)).toBeUndefined();
  });
});
