/**
 * TFRecord framing, the container of TensorBoard event files: each record is
 *   uint64 length (little-endian) · uint32 masked CRC-32C of those 8 bytes · data · uint32 masked CRC-32C of data.
 * The mask (rotate right by 15, add 0xa282ead8) is TensorFlow's, from tensorflow/core/lib/hash/crc32c.h.
 */
import { crc32c } from '@aws-crypto/crc32c';

const MASK_DELTA = 0xa282ead8;

export function maskedCrc(data: Uint8Array): number {
  const crc = crc32c(data) >>> 0;
  return (((crc >>> 15) | (crc << 17)) + MASK_DELTA) >>> 0;
}

export class RecordError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'RecordError';
  }
}

export interface RecordScan {
  /** Each record's data, with the byte offset of its header. */
  records: { offset: number; data: Uint8Array }[];
  /** Set when the file ends inside a record (a writer still writing): the offset where that record starts. */
  truncatedAt: number | null;
}

/** Splits a file into records, checking both CRCs; a bad CRC throws a RecordError with the record's offset. */
export function readRecords(bytes: Uint8Array): RecordScan {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const records: RecordScan['records'] = [];
  let pos = 0;
  while (pos < bytes.length) {
    if (pos + 12 > bytes.length) return { records, truncatedAt: pos };
    const lenBytes = bytes.subarray(pos, pos + 8);
    if (view.getUint32(pos + 8, true) !== maskedCrc(lenBytes))
      throw new RecordError('the length CRC does not match (not a TFRecord file, or damaged)', pos);
    const length = view.getBigUint64(pos, true);
    if (length > BigInt(bytes.length)) {
      return { records, truncatedAt: pos };
    }
    const n = Number(length);
    const end = pos + 12 + n + 4;
    if (end > bytes.length) return { records, truncatedAt: pos };
    const data = bytes.subarray(pos + 12, pos + 12 + n);
    if (view.getUint32(pos + 12 + n, true) !== maskedCrc(data))
      throw new RecordError('the data CRC does not match (the record is damaged)', pos);
    records.push({ offset: pos, data });
    pos = end;
  }
  return { records, truncatedAt: null };
}

/** Frames records into one buffer. */
export function writeRecords(records: readonly Uint8Array[]): Buffer {
  const parts: Buffer[] = [];
  for (const data of records) {
    const head = Buffer.alloc(12);
    head.writeBigUInt64LE(BigInt(data.length), 0);
    head.writeUInt32LE(maskedCrc(head.subarray(0, 8)), 8);
    const tail = Buffer.alloc(4);
    tail.writeUInt32LE(maskedCrc(data), 0);
    parts.push(head, Buffer.from(data.buffer, data.byteOffset, data.byteLength), tail);
  }
  return Buffer.concat(parts);
}
