/**
 * JSON on the wire keeps NaN and ±Infinity: a diverged run's numbers are data, not nulls. Files travel as
 * Uint8Array; JSON has no bytes, so each one becomes `{"__gradlab:bytes__": "<base64>"}`. Structured clone
 * (IPC) carries both natively; HTTP and bundles go through this codec. No dependencies: it runs in Node and in
 * the browser page alike.
 */
const NAN = '__gradlab:NaN__';
const POS_INF = '__gradlab:+Inf__';
const NEG_INF = '__gradlab:-Inf__';
export const WIRE_BYTES_KEY = '__gradlab:bytes__';

/** How bytes become base64 and back. */
export interface Base64Codec {
  encode(bytes: Uint8Array): string;
  decode(base64: string): Uint8Array<ArrayBuffer>;
}

// Stays under the engines' argument-count limit for String.fromCharCode(...chunk).
const CHUNK = 0x8000;

/** btoa/atob: present in every browser and in Node, so the page and tests need nothing else. */
const portableCodec: Base64Codec = {
  encode(bytes) {
    const parts: string[] = [];
    for (let i = 0; i < bytes.length; i += CHUNK) parts.push(String.fromCharCode(...bytes.subarray(i, i + CHUNK)));
    return btoa(parts.join(''));
  },
  decode(base64) {
    const bin = atob(base64);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  },
};

let codec: Base64Codec = portableCodec;

/**
 * Node's own base64 is about ten times faster than btoa/atob on a bundle of hundreds of MiB, but this layer may
 * not name Node's globals: the Node side registers it (core/api/node-base64.ts) and the page keeps the default.
 */
export function setBase64Codec(next: Base64Codec): void {
  codec = next;
}

export function bytesToBase64(bytes: Uint8Array): string {
  return codec.encode(bytes);
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  return codec.decode(base64);
}

/**
 * The same memory as a plain Uint8Array over an ArrayBuffer: a Node Buffer handed across a binding would
 * compare unequal to the Uint8Array the other side rebuilds, and JSON.stringify would see its toJSON. Only
 * bytes over a SharedArrayBuffer are copied (structured clone would not carry them as they are anyway).
 */
export function plainBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  if (!(bytes.buffer instanceof ArrayBuffer)) return new Uint8Array(bytes);
  return Object.getPrototypeOf(bytes) === Uint8Array.prototype
    ? (bytes as Uint8Array<ArrayBuffer>)
    : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function isBytesMarker(v: unknown): v is Record<typeof WIRE_BYTES_KEY, string> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  return (
    keys.length === 1 &&
    keys[0] === WIRE_BYTES_KEY &&
    typeof (v as Record<string, unknown>)[WIRE_BYTES_KEY] === 'string'
  );
}

export function toWire(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, k: string, v: unknown) {
    // The holder's own value: a Node Buffer's toJSON has already turned `v` into {type, data} by now.
    const raw = this[k];
    if (raw instanceof Uint8Array) return { [WIRE_BYTES_KEY]: bytesToBase64(raw) };
    if (typeof v === 'number' && !Number.isFinite(v)) return Number.isNaN(v) ? NAN : v > 0 ? POS_INF : NEG_INF;
    return v;
  });
}

export function fromWire(text: string): unknown {
  return JSON.parse(text, (_k, v: unknown) => {
    if (v === NAN) return Number.NaN;
    if (v === POS_INF) return Number.POSITIVE_INFINITY;
    if (v === NEG_INF) return Number.NEGATIVE_INFINITY;
    if (isBytesMarker(v)) return base64ToBytes(v[WIRE_BYTES_KEY]);
    return v;
  });
}
