/**
 * Checkpoints: weights, optimizer slots and the step count in one self-describing byte array
 * ("GLCK", a JSON header, then float32 data). Data batches are a function of (seed, step), so these
 * are all a resumed run needs to continue with the numbers of an uninterrupted one.
 */
import type { Checkpoint } from './protocol';
import type { HostTensor, ModelShape } from './model';

const MAGIC = 'GLCK';
const VERSION = 1;

export interface CheckpointState {
  step: number;
  /** Wall time spent before this checkpoint, so a resumed run's wallMs continues. */
  wallMs: number;
  model: ModelShape;
  optimizer: string;
  params: HostTensor[];
  /** Slots per parameter in canonical order, each named `<slot>`. */
  slots: HostTensor[][];
}

interface Header {
  version: number;
  step: number;
  wallMs: number;
  model: ModelShape;
  optimizer: string;
  params: { name: string; shape: number[] }[];
  slots: { name: string; shape: number[] }[][];
}

export class CheckpointError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckpointError';
  }
}

export function encodeCheckpoint(s: CheckpointState): Checkpoint {
  const header: Header = {
    version: VERSION,
    step: s.step,
    wallMs: s.wallMs,
    model: s.model,
    optimizer: s.optimizer,
    params: s.params.map((p) => ({ name: p.name, shape: p.shape })),
    slots: s.slots.map((ps) => ps.map((p) => ({ name: p.name, shape: p.shape }))),
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const pad = (4 - ((8 + json.length) % 4)) % 4;
  const arrays = [...s.params, ...s.slots.flat()].map((t) => t.data);
  const floats = arrays.reduce((n, a) => n + a.length, 0);
  const bytes = new Uint8Array(8 + json.length + pad + floats * 4);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(bytes.buffer).setUint32(4, json.length, true);
  bytes.set(json, 8);
  const data = new Float32Array(bytes.buffer, 8 + json.length + pad, floats);
  let off = 0;
  for (const a of arrays) {
    data.set(a, off);
    off += a.length;
  }
  return { step: s.step, data: bytes };
}

export function decodeCheckpoint(c: Checkpoint): CheckpointState {
  const bytes = c.data;
  if (bytes.length < 8 || new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC)
    throw new CheckpointError('Not a gradlab engine checkpoint (bad magic bytes)');
  const len = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + len))) as Header;
  } catch {
    throw new CheckpointError('Checkpoint header is not valid JSON (truncated or corrupt checkpoint)');
  }
  if (header.version !== VERSION)
    throw new CheckpointError(`Checkpoint version ${header.version} is not supported (expected ${VERSION})`);
  const pad = (4 - ((8 + len) % 4)) % 4;
  // Copy into an aligned buffer: the Uint8Array may sit at any offset of a shared buffer after IPC.
  const body = bytes.slice(8 + len + pad);
  const floats = new Float32Array(body.buffer, body.byteOffset, Math.floor(body.byteLength / 4));
  let off = 0;
  const take = (d: { name: string; shape: number[] }): HostTensor => {
    const n = d.shape.reduce((a, b) => a * b, 1);
    if (off + n > floats.length)
      throw new CheckpointError(`Checkpoint is truncated: ${d.name} needs ${n} values past offset ${off}`);
    const t = { name: d.name, shape: d.shape, data: floats.slice(off, off + n) };
    off += n;
    return t;
  };
  const params = header.params.map(take);
  const slots = header.slots.map((ps) => ps.map(take));
  if (c.step !== header.step)
    throw new CheckpointError(`Checkpoint step ${c.step} does not match its contents (step ${header.step})`);
  return { step: header.step, wallMs: header.wallMs, model: header.model, optimizer: header.optimizer, params, slots };
}
