/**
 * Network namespaces for the cluster test: one bridge in the root namespace and one veth pair per namespace,
 * in a private /24 picked at random so parallel runs on one machine do not collide. Names carry a random
 * id so a crashed run's leftovers never block the next one.
 */
import { spawnSync } from 'node:child_process';

function ip(...args: string[]): void {
  const r = spawnSync('ip', args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ip ${args.join(' ')}: ${(r.stderr || r.error?.message || '').trim()}`);
}

/** Why namespaces cannot be used here, or null when they can (root and a working `ip netns`). */
export function netnsUnavailable(): string | null {
  if (process.getuid?.() !== 0) return 'not root: network namespaces need CAP_NET_ADMIN';
  const probe = `glprobe${process.pid}`;
  const add = spawnSync('ip', ['netns', 'add', probe], { encoding: 'utf8' });
  if (add.error) return `no iproute2 (${add.error.message}); .ci/run installs it`;
  if (add.status !== 0) return `ip netns add failed: ${add.stderr.trim()}`;
  spawnSync('ip', ['netns', 'del', probe]);
  return null;
}

export interface Netns {
  name: string;
  address: string;
  /** The veth end on the bridge: setting it down cuts this namespace off, as a pulled cable does. */
  hostLink: string;
  /** Prefix for spawn: runs a command inside this namespace (exec'd in place, so the pid is the command's). */
  exec: string[];
}

export interface NetnsLab {
  spaces: Record<string, Netns>;
  cut(space: Netns): void;
  restore(space: Netns): void;
  destroy(): void;
}

export function createNetnsLab(names: readonly string[]): NetnsLab {
  const id = Math.random().toString(16).slice(2, 6);
  const subnet = `10.213.${Math.floor(Math.random() * 256)}`;
  const bridge = `gl${id}br`;
  const created: string[] = [];
  const lab: NetnsLab = {
    spaces: {},
    cut: (s) => ip('link', 'set', s.hostLink, 'down'),
    restore: (s) => ip('link', 'set', s.hostLink, 'up'),
    destroy() {
      // Best effort and complete: every name is tried even when an earlier one is already gone.
      for (const ns of created) spawnSync('ip', ['netns', 'del', ns]);
      spawnSync('ip', ['link', 'del', bridge]);
    },
  };
  try {
    ip('link', 'add', bridge, 'type', 'bridge', 'forward_delay', '0');
    ip('link', 'set', bridge, 'up');
    names.forEach((n, i) => {
      const ns = `gl${id}-${n}`;
      const hostLink = `gl${id}h${i}`;
      const inner = `gl${id}n${i}`;
      const address = `${subnet}.${10 + i}`;
      ip('netns', 'add', ns);
      created.push(ns);
      ip('link', 'add', hostLink, 'type', 'veth', 'peer', 'name', inner);
      ip('link', 'set', inner, 'netns', ns);
      ip('link', 'set', hostLink, 'master', bridge);
      ip('link', 'set', hostLink, 'up');
      ip('-n', ns, 'addr', 'add', `${address}/24`, 'dev', inner);
      ip('-n', ns, 'link', 'set', inner, 'up');
      ip('-n', ns, 'link', 'set', 'lo', 'up');
      lab.spaces[n] = { name: ns, address, hostLink, exec: ['ip', 'netns', 'exec', ns] };
    });
  } catch (e) {
    lab.destroy();
    throw e;
  }
  return lab;
}
