/**
 * The fused recurrent kernel (assembly/recurrent.as, built to ./recurrent-wasm.ts): loading, a bump arena
 * in its linear memory, and when the engine uses it. The cpu and wasm tfjs backends pay ~10–40 µs per
 * kernel launch, so a layer's time loop as tfjs ops costs thousands of launches per step; this kernel runs
 * the whole loop of a layer's forward pass, and of its backward pass, in one call each. The native
 * `tensorflow` backend (tfjs-node, tfjs-node-gpu) keeps the tfjs op path, which also stays the reference
 * the gradient tests hold this kernel against.
 */
import { tf } from '../tf';
import { RECURRENT_WASM_BASE64 } from './recurrent-wasm';

type Ptr = number;

/** The kernel's exports (assembly/recurrent.as documents the arguments). */
export interface KernelExports {
  heapBase(): number;
  forward(
    cell: number,
    act: number,
    T: number,
    rows: number,
    b0: number,
    B: number,
    H: number,
    xp: Ptr,
    wh: Ptr,
    bh: Ptr,
    h: Ptr,
    d: Ptr,
    s: Ptr,
    c: Ptr,
    fc: Ptr,
    hn: Ptr,
    scratch: Ptr,
  ): void;
  backward(
    cell: number,
    act: number,
    T: number,
    rows: number,
    b0: number,
    B: number,
    H: number,
    rescale: number,
    wht: Ptr,
    ext: Ptr,
    extLog: Ptr,
    h: Ptr,
    d: Ptr,
    s: Ptr,
    c: Ptr,
    fc: Ptr,
    hn: Ptr,
    dxp: Ptr,
    dhp: Ptr,
    logs: Ptr,
    hNorm: Ptr,
    cNorm: Ptr,
    scratch: Ptr,
  ): void;
  gradRecurrent(T: number, rows: number, b0: number, B: number, A: Ptr, M: number, W: Ptr, N: number, C: Ptr): void;
  gradInput(
    T: number,
    rows: number,
    b0: number,
    B: number,
    A: Ptr,
    M: number,
    W: Ptr,
    N: number,
    C: Ptr,
    colSum: Ptr,
  ): void;
  project(
    T: number,
    rows: number,
    b0: number,
    B: number,
    A: Ptr,
    M: number,
    wx: Ptr,
    bias: Ptr,
    N: number,
    xp: Ptr,
  ): void;
  transpose(a: Ptr, rows: number, cols: number, out: Ptr): void;
  /** y = f(y) in place, d = f'(·) from y, for n values (the activations' vector approximations). */
  activate(act: number, y: Ptr, d: Ptr, n: number): void;
  countBelow(p: Ptr, n: number, threshold: number): number;
}

/** The compiled module and the shared memory every thread's instance of it works in (./kernel-threads). */
export interface KernelShared {
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
}

/** 2 GiB: the most the kernel's memory may grow to (shared memories need a maximum; it is only reserved). */
const MAX_PAGES = 32768;

export const kernelImports = (memory: WebAssembly.Memory) => ({
  env: {
    memory,
    abort: () => {
      throw new Error('recurrent kernel aborted');
    },
  },
});

let loaded: KernelExports | null | undefined;
let shared: KernelShared | null = null;
let loadError: string | null = null;

/**
 * The kernel's exports, or null where WebAssembly SIMD or shared memory is unavailable (the reason is kept).
 * Its memory is shared, so worker threads can run slices of a batch on the same buffers (./kernel-threads).
 */
export function recurrentKernel(): KernelExports | null {
  if (loaded !== undefined) return loaded;
  try {
    const bytes = Uint8Array.from(Buffer.from(RECURRENT_WASM_BASE64, 'base64'));
    const module = new WebAssembly.Module(bytes);
    const memory = new WebAssembly.Memory({ initial: 16, maximum: MAX_PAGES, shared: true });
    const instance = new WebAssembly.Instance(module, kernelImports(memory));
    shared = { module, memory };
    loaded = instance.exports as unknown as KernelExports;
  } catch (e) {
    loadError = e instanceof Error ? e.message : String(e);
    loaded = null;
  }
  return loaded;
}

/** The module and memory for other threads' instances (null before the kernel loaded, or if it cannot). */
export function kernelShared(): KernelShared | null {
  recurrentKernel();
  return shared;
}

export function kernelLoadError(): string | null {
  return loadError;
}

export type FusedMode = 'auto' | 'on' | 'off';

function modeFromEnv(): FusedMode {
  const v = process.env.GRADLAB_FUSED?.trim();
  return v === 'on' || v === 'off' ? v : 'auto';
}

let mode: FusedMode = modeFromEnv();

/**
 * auto (default): the fused kernel on the cpu and wasm backends, tfjs ops on `tensorflow`. on: the kernel on
 * any backend (tests). off: tfjs ops everywhere (the reference path). GRADLAB_FUSED=on|off sets the default.
 */
export function setFusedKernels(m: FusedMode): void {
  mode = m;
}

export function fusedKernelsMode(): FusedMode {
  return mode;
}

/** Whether forward and backward passes started now use the fused kernel. */
export function useFused(): boolean {
  if (mode === 'off') return false;
  if (mode === 'auto') {
    const b = tf.getBackend();
    if (b !== 'wasm' && b !== 'cpu') return false;
  }
  return recurrentKernel() !== null;
}

/**
 * A bump allocator over the kernel's memory. Reset at the start of every forward pass: the buffers of one
 * forward/backward pair live until the next forward. A trace remembers the generation it was made in and
 * refuses to run backward on reused memory.
 */
export class Arena {
  private top = 0;
  generation = 0;
  constructor(
    private readonly k: KernelExports,
    private readonly memory: WebAssembly.Memory,
  ) {
    this.top = k.heapBase();
  }

  reset(): void {
    this.top = (this.k.heapBase() + 15) & ~15;
    this.generation++;
  }

  /** Room for n 4-byte (or, with bytes = 8, 8-byte) values, 16-byte aligned. */
  alloc(n: number, bytes = 4): Ptr {
    const p = (this.top + 15) & ~15;
    this.top = p + Math.max(n, 1) * bytes;
    const need = this.top - this.memory.buffer.byteLength;
    if (need > 0) this.memory.grow(Math.ceil(need / 65536));
    return p;
  }

  /** A fresh view (views die when the memory grows: take them after the allocations). */
  f32(p: Ptr, n: number): Float32Array {
    return new Float32Array(this.memory.buffer, p, n);
  }

  f64(p: Ptr, n: number): Float64Array {
    return new Float64Array(this.memory.buffer, p, n);
  }

  put(data: ArrayLike<number>): Ptr {
    const p = this.alloc(data.length);
    this.f32(p, data.length).set(data);
    return p;
  }
}

let arena: Arena | null = null;

export function kernelArena(): Arena {
  const k = recurrentKernel();
  if (!k) throw new Error(`The fused recurrent kernel is unavailable: ${loadError ?? 'not loaded'}`);
  arena ??= new Arena(k, shared!.memory);
  return arena;
}
