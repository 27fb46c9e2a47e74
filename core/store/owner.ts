/**
 * Who trains a run: the lab process (host, pid, boot). A lab on the same host can tell at once whether that
 * process is still alive, instead of waiting out the heartbeat window that owners on other hosts need.
 */
import { readFileSync } from 'node:fs';
import { hostname, uptime } from 'node:os';

export interface RunOwner {
  host: string;
  pid: number;
  /** Linux: the kernel's boot id; elsewhere `boot@<epoch seconds>` of the OS boot time (see sameBoot). */
  boot: string;
}

let cachedBoot: string | null = null;

export function bootId(): string {
  if (cachedBoot !== null) return cachedBoot;
  try {
    cachedBoot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    cachedBoot = '';
  }
  if (!cachedBoot) cachedBoot = `boot@${Math.round(Date.now() / 1000 - uptime())}`;
  return cachedBoot;
}

/** This process as an owner. */
export function thisOwner(): RunOwner {
  return { host: hostname(), pid: process.pid, boot: bootId() };
}

/** Boot times computed from uptime drift by a second or two between processes: equal within a minute. */
export function sameBoot(a: string, b: string): boolean {
  if (a === b) return true;
  const ta = /^boot@(\d+)$/.exec(a)?.[1];
  const tb = /^boot@(\d+)$/.exec(b)?.[1];
  return ta !== undefined && tb !== undefined && Math.abs(Number(ta) - Number(tb)) <= 60;
}

/** Signal 0 checks existence only; EPERM means it exists under another user. */
export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * 'dead' when the owner is on this host and its process is gone (or the host rebooted since); 'unknown' for
 * another host (only its heartbeat tells). A reused pid reads as 'alive': the heartbeat window then decides,
 * so the mistake can only ever be waiting, never interrupting a live run.
 */
export function ownerState(
  owner: RunOwner,
  here: RunOwner,
  alive: (pid: number) => boolean = pidAlive,
): 'alive' | 'dead' | 'unknown' {
  if (owner.host !== here.host) return 'unknown';
  if (!sameBoot(owner.boot, here.boot)) return 'dead';
  if (owner.pid === here.pid) return 'alive';
  return alive(owner.pid) ? 'alive' : 'dead';
}
