/** Backend choice: the order, forcing, and clear errors for a backend that cannot load. */
import { afterEach, describe, expect, it } from 'vitest';
import { initBackend, BackendUnavailableError } from '../../../core/engine/backend';
import { tf } from '../../../core/engine/tf';

describe('initBackend', () => {
  afterEach(() => {
    delete process.env.GRADLAB_BACKEND;
  });

  it('prefers wasm over cpu here and records why the native backends were skipped', async () => {
    const info = await initBackend();
    expect(info.backend).not.toBe('cpu'); // wasm loads in Node 20, so cpu is never the first choice
    expect(info.skipped.map((s) => s.backend).slice(0, 2)).toEqual([
      'tensorflow (tfjs-node-gpu)',
      'tensorflow (tfjs-node)',
    ]);
    for (const s of info.skipped) expect(s.reason.length).toBeGreaterThan(0);
    expect(info.versions['tfjs-core']).toBe(tf.version_core);
    expect(tf.getBackend()).toBe(info.backend);
  });

  it('can be forced, by argument or by GRADLAB_BACKEND', async () => {
    const cpu = await initBackend('cpu');
    expect(cpu.backend).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    process.env.GRADLAB_BACKEND = 'wasm';
    const wasm = await initBackend();
    expect(wasm.backend).toBe('wasm');
    expect(wasm.device).toMatch(/wasm/);
  });

  it('fails clearly when the forced backend cannot load or is not a backend', async () => {
    process.env.GRADLAB_BACKEND = 'cuda';
    await expect(initBackend()).rejects.toThrow(
      /GRADLAB_BACKEND="cuda" is not a backend: use one of tensorflow, wasm, cpu/,
    );
    const native = await import('@tensorflow/tfjs-node' as string).then(
      () => true,
      () => false,
    );
    if (!native) {
      const err = await initBackend('tensorflow').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(BackendUnavailableError);
      expect((err as Error).message).toMatch(
        /Backend "tensorflow" could not be loaded \(tensorflow \(tfjs-node-gpu\): .*tensorflow \(tfjs-node\): /,
      );
    }
  });
});
