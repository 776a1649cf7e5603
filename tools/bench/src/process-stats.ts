// Per-process figures from Linux's /proc: peak and current RSS, CPU seconds.
import { readdirSync, readFileSync } from 'node:fs';

// Linux's USER_HZ: /proc reports CPU time in these ticks on every mainstream architecture.
const TICKS_PER_SECOND = 100;

/**
 * A field of `/proc/<pid>/status` in bytes: `VmHWM` is the process's peak resident set since
 * it started, `VmRSS` its resident set now.
 *
 * @example procStatusBytes(child.pid, 'VmHWM') // 187_412_480
 */
export function procStatusBytes(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status);
  if (!match?.[1]) throw new Error(`/proc/${pid}/status has no ${field} line (peak RSS is read on Linux only)`);
  return Number(match[1]) * 1024;
}

/** User + system CPU seconds a process has used so far (0 once it is gone). */
export function processCpuSeconds(pid: number): number {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return 0;
  }
  // Fields after the command name (which may hold spaces) start at field 3; utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** Pids of the processes whose command name is `name` (e.g. every Postgres server process). */
export function pidsNamed(name: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === name) pids.push(Number(entry));
    } catch {
      // Gone since the listing.
    }
  }
  return pids;
}

/** `root` and every process below it (children, grandchildren...). */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // Gone since the listing.
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

/** Busy CPU seconds of the whole machine so far, all cores (idle and iowait excluded). */
export function machineBusySeconds(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const [, user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = line.trim().split(/\s+/).map(Number);
  return (user + nice + system + irq + softirq + steal) / TICKS_PER_SECOND;
}

/**
 * CPU seconds used by groups of processes, and by the whole machine, from now until the
 * returned function is called. A process that ends in between counts only up to the start.
 *
 * @example const stop = startCpuMeter({ worker: () => [pid] }); ...; stop() // { worker: 12.3, machine: 30.1 }
 */
export function startCpuMeter(groups: Record<string, () => number[]>): () => Record<string, number> {
  const before = new Map<string, Map<number, number>>();
  for (const [name, pids] of Object.entries(groups)) before.set(name, new Map(pids().map((pid) => [pid, processCpuSeconds(pid)])));
  const machineBefore = machineBusySeconds();
  return () => {
    const used: Record<string, number> = { machine: machineBusySeconds() - machineBefore };
    for (const [name, pids] of Object.entries(groups)) {
      const start = before.get(name)!;
      used[name] = pids().reduce((sum, pid) => sum + Math.max(0, processCpuSeconds(pid) - (start.get(pid) ?? 0)), 0);
    }
    return used;
  };
}

export function formatMiB(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}
