import { describe, expect, it, vi } from 'vitest';
import { WIRE_BYTES_KEY, base64ToBytes, bytesToBase64, fromWire, plainBytes, toWire } from '../../../core/shared/wire';

const hex = (b: unknown) => Buffer.from(b as Uint8Array).toString('hex');

describe('bytes on the JSON wire', () => {
  it('round-trips Uint8Array nested in objects and arrays, beside NaN and ±Infinity', () => {
    const value = {
      file: { fileName: 'a.svg', bytes: new Uint8Array([0, 1, 254, 255]) },
      companions: [{ bytes: new TextEncoder().encode('x,y\n') }, { bytes: new Uint8Array() }],
      loss: [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0.5],
    };
    const text = toWire(value);
    expect(text).toContain(`{"${WIRE_BYTES_KEY}":"AAH+/w=="}`);
    const back = fromWire(text) as typeof value;
    expect(back.file.bytes).toBeInstanceOf(Uint8Array);
    expect(hex(back.file.bytes)).toBe('0001feff');
    expect(new TextDecoder().decode(back.companions[0]!.bytes)).toBe('x,y\n');
    expect(back.companions[1]!.bytes).toEqual(new Uint8Array());
    expect(back.loss).toEqual(value.loss);
  });

  it('carries a top-level Uint8Array and a Node Buffer as bytes, not as {type, data}', () => {
    expect(hex(fromWire(toWire(new Uint8Array([7]))))).toBe('07');
    const text = toWire({ b: Buffer.from('hi') });
    expect(text).not.toContain('"type":"Buffer"');
    const back = fromWire(text) as { b: Uint8Array };
    expect(Object.getPrototypeOf(back.b)).toBe(Uint8Array.prototype);
    expect(Buffer.from(back.b).toString()).toBe('hi');
  });

  it('round-trips a large file (20 MiB) byte for byte', () => {
    const big = new Uint8Array(20 * 1024 * 1024);
    for (let i = 0; i < big.length; i += 4096) big[i] = (i / 4096) % 256;
    big[big.length - 1] = 42;
    const back = fromWire(toWire({ bytes: big })) as { bytes: Uint8Array };
    expect(back.bytes.length).toBe(big.length);
    expect(Buffer.from(back.bytes).equals(big)).toBe(true);
  });

  it('leaves look-alike objects with other keys or a non-string value as they are', () => {
    const lookAlikes = [{ [WIRE_BYTES_KEY]: 'AA==', other: 1 }, { [WIRE_BYTES_KEY]: 5 }];
    expect(fromWire(JSON.stringify(lookAlikes))).toEqual(lookAlikes);
  });

  it('base64 helpers match Node, and plainBytes shares the memory of a Buffer', () => {
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(hex(base64ToBytes(Buffer.from(bytes).toString('base64')))).toBe(hex(bytes));
    const buf = Buffer.from('abc');
    const plain = plainBytes(buf);
    expect(Object.getPrototypeOf(plain)).toBe(Uint8Array.prototype);
    expect(plain.buffer).toBe(buf.buffer);
    expect(plain.byteOffset).toBe(buf.byteOffset);
  });

  it('gives the same base64 without Node Buffer, as in the browser page', async () => {
    const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 13) % 256);
    vi.stubGlobal('Buffer', undefined);
    vi.resetModules();
    try {
      const page = await import('../../../core/shared/wire');
      const text = page.bytesToBase64(bytes);
      const back = page.base64ToBytes(text);
      vi.unstubAllGlobals();
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(Buffer.from(back).equals(bytes)).toBe(true);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
