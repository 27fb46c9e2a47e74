/** How the lab shares the cores among the engines it starts (core/lab/engine-threads.ts). */
import { describe, expect, it } from 'vitest';
import { engineEnv, threadsPerRun } from '../../../core/lab/engine-threads';

describe('engine threads', () => {
  it('gives one run alone every core, and a sweep one thread per run', () => {
    expect(threadsPerRun(1, 2)).toBe(2);
    expect(threadsPerRun(2, 2)).toBe(1);
    expect(threadsPerRun(3, 8)).toBe(2);
    expect(threadsPerRun(16, 8)).toBe(1);
  });

  it("passes the count as GRADLAB_THREADS, unless the user's own setting is there", () => {
    expect(engineEnv({ PATH: '/bin' }, { threads: 2 })).toEqual({ PATH: '/bin', GRADLAB_THREADS: '2' });
    expect(engineEnv({ GRADLAB_THREADS: '3' }, { threads: 2 })).toEqual({ GRADLAB_THREADS: '3' });
    expect(engineEnv({ PATH: '/bin' }, undefined)).toEqual({ PATH: '/bin' });
  });
});
