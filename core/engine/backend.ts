/**
 * Backend selection. Tried in order: native TensorFlow with CUDA (tfjs-node-gpu), native TensorFlow on the
 * CPU (tfjs-node), WebAssembly, plain JavaScript. The native packages are optional dependencies that often
 * fail to install, so they are imported dynamically and every failure is recorded as a reason, not thrown.
 */
import { BackendNameSchema, type BackendName, type EngineInfo } from '../api/records';
import { tf } from './tf';
import { version_wasm } from '@tensorflow/tfjs-backend-wasm';
import { version_cpu } from '@tensorflow/tfjs-backend-cpu';

export class BackendUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackendUnavailableError';
  }
}

interface Candidate {
  /** Label used in EngineInfo.skipped. */
  label: string;
  backend: BackendName;
  load(): Promise<{ device: string; versions: Record<string, string> }>;
}

const reasonOf = (e: unknown): string => (e instanceof Error ? e.message.split('\n')[0]! : String(e));

/** Imports a native package; the specifier is a variable so bundlers and tsc leave the optional import alone. */
async function loadNative(pkg: string, device: string): Promise<{ device: string; versions: Record<string, string> }> {
  const mod: unknown = await import(/* @vite-ignore */ pkg);
  if (!(await tf.setBackend('tensorflow')))
    throw new Error(`${pkg} loaded but the "tensorflow" backend did not initialise`);
  const v = (mod as { version?: Record<string, string> }).version ?? {};
  return { device, versions: { 'tfjs-core': tf.version_core, ...v } };
}

async function setOrThrow(name: string): Promise<void> {
  if (!(await tf.setBackend(name))) throw new Error(`tf.setBackend('${name}') returned false`);
  await tf.ready();
}

const CANDIDATES: Candidate[] = [
  {
    label: 'tensorflow (tfjs-node-gpu)',
    backend: 'tensorflow',
    load: () => loadNative('@tensorflow/tfjs-node-gpu', 'gpu (CUDA via tfjs-node-gpu)'),
  },
  {
    label: 'tensorflow (tfjs-node)',
    backend: 'tensorflow',
    load: () => loadNative('@tensorflow/tfjs-node', 'cpu (native TensorFlow via tfjs-node)'),
  },
  {
    label: 'wasm',
    backend: 'wasm',
    load: async () => {
      await setOrThrow('wasm');
      const simd = Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'));
      const threads = Boolean(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'));
      return {
        device: `cpu (wasm, SIMD ${simd ? 'on' : 'off'}, threads ${threads ? 'on' : 'off'})`,
        versions: { 'tfjs-core': tf.version_core, 'tfjs-backend-wasm': version_wasm },
      };
    },
  },
  {
    label: 'cpu',
    backend: 'cpu',
    load: async () => {
      await setOrThrow('cpu');
      return {
        device: 'cpu (JavaScript)',
        versions: { 'tfjs-core': tf.version_core, 'tfjs-backend-cpu': version_cpu },
      };
    },
  },
];

let current: EngineInfo | null = null;

/** The backend chosen by the last initBackend call (null before it). */
export function engineInfo(): EngineInfo | null {
  return current;
}

function forcedFromEnv(): BackendName | undefined {
  const raw = process.env.GRADLAB_BACKEND?.trim();
  if (!raw) return undefined;
  const parsed = BackendNameSchema.safeParse(raw);
  if (!parsed.success)
    throw new BackendUnavailableError(
      `GRADLAB_BACKEND="${raw}" is not a backend: use one of ${BackendNameSchema.options.join(', ')}`,
    );
  return parsed.data;
}

/**
 * Picks the backend (forced, else GRADLAB_BACKEND, else the first that loads) and records why the earlier
 * ones were skipped. A forced backend that cannot load is an error naming the reason, never a silent fallback.
 */
export async function initBackend(forced?: BackendName): Promise<EngineInfo> {
  const want = forced ?? forcedFromEnv();
  const skipped: EngineInfo['skipped'] = [];
  for (const c of CANDIDATES) {
    if (want && c.backend !== want) {
      skipped.push({ backend: c.label, reason: `not the forced backend (${want})` });
      continue;
    }
    try {
      const { device, versions } = await c.load();
      current = { backend: c.backend, device, versions, skipped };
      return current;
    } catch (e) {
      skipped.push({ backend: c.label, reason: reasonOf(e) });
    }
  }
  const why = skipped.map((s) => `${s.backend}: ${s.reason}`).join('; ');
  throw new BackendUnavailableError(
    want ? `Backend "${want}" could not be loaded (${why})` : `No TensorFlow.js backend could be loaded (${why})`,
  );
}
