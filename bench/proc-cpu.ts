/**
 * CPU time of other processes, read from Linux's /proc/<pid>/stat: a service and its cluster
 * workers, gunicorn's master and workers, every process of the database server.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** The fields of /proc/<pid>/stat the bench needs; times in clock ticks. */
export interface ProcStat {
  pid: number;
  /** The executable's name, up to 15 characters (what /proc/<pid>/comm holds). */
  comm: string;
  ppid: number;
  utime: number;
  stime: number;
  /** CPU time of children this process has waited for (reaped), user and system. */
  cutime: number;
  cstime: number;
}

/**
 * Parses one /proc/<pid>/stat line (proc(5)): `pid (comm) state ppid … utime stime cutime cstime …`.
 * The name may itself hold spaces and parentheses, so the fields after it are counted from the
 * last `)`.
 */
export function parseProcStat(line: string): ProcStat {
  const open = line.indexOf('(');
  const close = line.lastIndexOf(')');
  if (open < 0 || close < open) throw new Error(`not a /proc/<pid>/stat line: ${line.slice(0, 80)}`);
  // After the name: state(3) ppid(4) pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt utime(14) stime cutime cstime(17)
  const rest = line
    .slice(close + 2)
    .trim()
    .split(/\s+/);
  const field = (number: number) => {
    const value = Number(rest[number - 3]);
    if (!Number.isInteger(value)) throw new Error(`/proc/<pid>/stat: field ${number} is not a number`);
    return value;
  };
  return {
    pid: Number(line.slice(0, open).trim()),
    comm: line.slice(open + 1, close),
    ppid: field(4),
    utime: field(14),
    stime: field(15),
    cutime: field(16),
    cstime: field(17),
  };
}

/** Clock ticks per second (`getconf CLK_TCK`), the unit of /proc's CPU times; 100 on Linux. */
export function clockTicksPerSecond(): number {
  try {
    const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return Number.isInteger(ticks) && ticks > 0 ? ticks : 100;
  } catch {
    return 100;
  }
}

/** Every process readable right now; those that exit while being read are left out. */
export function readAllProcStats(procRoot = '/proc'): ProcStat[] {
  const stats: ProcStat[] = [];
  for (const name of readdirSync(procRoot)) {
    if (!/^\d+$/.test(name)) continue;
    try {
      stats.push(parseProcStat(readFileSync(`${procRoot}/${name}/stat`, 'utf8')));
    } catch {
      // exited between the listing and the read
    }
  }
  return stats;
}

/** `root` and every process descended from it (a cluster primary's workers, gunicorn's workers). */
export function processTree(stats: readonly ProcStat[], root: number): ProcStat[] {
  const children = new Map<number, ProcStat[]>();
  for (const stat of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat]);
  const tree = stats.filter((stat) => stat.pid === root);
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!.pid) ?? []));
  return tree;
}

/**
 * CPU ticks used so far by a set of processes, the children they reaped included: when a worker or
 * a database backend exits, its time moves from its own entry to its parent's `cutime`/`cstime`, so
 * the sum stays continuous as long as the parent is in the set, and the difference of two readings
 * is the CPU the set used in between.
 */
export function cpuTicks(stats: readonly ProcStat[]): number {
  return stats.reduce((sum, stat) => sum + stat.utime + stat.stime + stat.cutime + stat.cstime, 0);
}

/** The database servers the services use: PostgreSQL (postmaster and backends) and MariaDB/MySQL. */
export const DATABASE_SERVER_NAMES: Record<'postgres' | 'mysql', readonly string[]> = {
  postgres: ['postgres'],
  mysql: ['mariadbd', 'mysqld'],
};

export function processesNamed(stats: readonly ProcStat[], names: readonly string[]): ProcStat[] {
  return stats.filter((stat) => names.includes(stat.comm));
}

/** A set of processes whose CPU is read at two moments. */
export type ProcessSelector = (stats: readonly ProcStat[]) => ProcStat[];

export const treeOf =
  (root: number): ProcessSelector =>
  (stats) =>
    processTree(stats, root);

export const named =
  (names: readonly string[]): ProcessSelector =>
  (stats) =>
    processesNamed(stats, names);

/** Milliseconds of CPU each selector's processes used between `start()` and the reading `stop()` returns. */
export function startCpuWindow<K extends string>(
  selectors: Record<K, ProcessSelector>,
  ticksPerSecond = clockTicksPerSecond(),
): { stop(): Record<K, number> } {
  const read = () => {
    const stats = readAllProcStats();
    return Object.fromEntries(
      Object.entries<ProcessSelector>(selectors).map(([key, select]) => [key, cpuTicks(select(stats))]),
    ) as Record<K, number>;
  };
  const started = read();
  return {
    stop: () => {
      const ended = read();
      return Object.fromEntries(
        Object.keys(selectors).map((key) => [
          key,
          ticksToMs(ended[key as K] - started[key as K], ticksPerSecond),
        ]),
      ) as Record<K, number>;
    },
  };
}

export function ticksToMs(ticks: number, ticksPerSecond: number): number {
  return (ticks * 1000) / ticksPerSecond;
}

/** CPU milliseconds per completed request: undefined when nothing completed (no figure, not infinity). */
export function perRequest(cpuMs: number, completed: number): number | undefined {
  return completed > 0 ? cpuMs / completed : undefined;
}
