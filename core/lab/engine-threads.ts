/**
 * How many threads each engine's fused kernel gets: the machine's cores shared among the runs the lab trains
 * at once (its concurrency), at least one each. One run at a time (the default on 2 cores) takes every core;
 * a sweep on N cores with concurrency N runs N engines of one thread each, so threads never outnumber cores.
 * GRADLAB_THREADS, when set, is every engine's count as it is (the engine checks it).
 */
import { availableParallelism } from 'node:os';
import type { LaunchOptions } from './engine-channel';

export function threadsPerRun(concurrency: number, cores = availableParallelism()): number {
  return Math.max(1, Math.floor(cores / Math.max(1, concurrency)));
}

/** The environment an engine starts with: GRADLAB_THREADS from the launch options unless the user set it. */
export function engineEnv(env: NodeJS.ProcessEnv, options: LaunchOptions | undefined): NodeJS.ProcessEnv {
  if (options?.threads === undefined || env.GRADLAB_THREADS?.trim()) return env;
  return { ...env, GRADLAB_THREADS: String(options.threads) };
}
