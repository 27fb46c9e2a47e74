/** The PyTorch yardstick (bench/pytorch_reference.py), when Debian's python3-torch is installed. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { EngineBenchConfig } from './engine';

export interface ReferenceResult {
  torch: string;
  threads: number;
  results: { config: string; msPerStep: number }[];
}

/** The first python3 that can import torch (Debian's lives in /usr/bin, outside version managers' shims). */
function torchPython(): string | null {
  for (const py of ['/usr/bin/python3', 'python3']) {
    const r = spawnSync(py, ['-c', 'import torch'], { encoding: 'utf8' });
    if (r.status === 0) return py;
  }
  return null;
}

export function runReference(configs: EngineBenchConfig[], warmup: number, steps: number): ReferenceResult | null {
  const py = torchPython();
  if (!py) return null;
  const input = JSON.stringify(configs.map((c) => ({ ...c, warmup, steps })));
  const r = spawnSync(py, [fileURLToPath(new URL('./pytorch_reference.py', import.meta.url))], {
    input,
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (r.status !== 0) throw new Error(`The PyTorch reference failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as ReferenceResult;
}
