/**
 * Float64 blobs: the one encoding that keeps NaN, ±Infinity and every bit of a double, which SQLite's REAL
 * does not (NaN becomes NULL). Little-endian by construction (DataView would be slower; every platform
 * Electron ships on is little-endian, and the check below refuses to write a foreign-endian file).
 */
import os from 'node:os';

if (os.endianness() !== 'LE')
  throw new Error('gradlab stores Float64 blobs little-endian; this machine is big-endian.');

/** The bytes of a Float64Array, shared (no copy). */
export function toBlob(values: Float64Array): Buffer {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
}

export function arrayToBlob(values: readonly number[]): Buffer {
  return toBlob(Float64Array.from(values));
}

/** A Float64Array over a blob; copies only when the blob is not 8-byte aligned. */
export function fromBlob(blob: Uint8Array): Float64Array {
  if (blob.byteLength % 8 !== 0) throw new Error(`A Float64 blob has ${blob.byteLength} bytes, not a multiple of 8.`);
  if (blob.byteOffset % 8 === 0) return new Float64Array(blob.buffer, blob.byteOffset, blob.byteLength / 8);
  const copy = new Uint8Array(blob.byteLength);
  copy.set(blob);
  return new Float64Array(copy.buffer);
}

export function blobToArray(blob: Uint8Array): number[] {
  return Array.from(fromBlob(blob));
}
