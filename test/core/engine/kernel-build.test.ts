/**
 * The committed kernel bytes (core/engine/kernels/recurrent-wasm.ts) are exactly what the AssemblyScript
 * source builds to, and the module loads here with SIMD.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { recurrentKernel, kernelLoadError } from '../../../core/engine/kernels/recurrent-kernel';

describe('fused recurrent kernel build', () => {
  it('recurrent-wasm.ts matches a fresh build of assembly/recurrent.as', () => {
    const script = fileURLToPath(new URL('../../../core/engine/kernels/build-kernels.mjs', import.meta.url));
    const r = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    expect(r.stdout + r.stderr).toContain('matches its source');
    expect(r.status).toBe(0);
  });

  it('loads (WebAssembly SIMD)', () => {
    expect(recurrentKernel(), kernelLoadError() ?? '').not.toBeNull();
  });
});
