/**
 * Registers Node's Buffer as the wire's base64 codec (core/shared/wire.ts may not name Node globals). Imported
 * for its effect by the Node-side modules that put large files on the wire: the HTTP server and bundles.
 */
import { setBase64Codec } from '../shared/wire';

setBase64Codec({
  encode: (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
  // A plain Uint8Array of its own: a small Buffer is a view into a shared pool, and callers keep `.buffer`.
  decode: (base64) => new Uint8Array(Buffer.from(base64, 'base64')),
});
