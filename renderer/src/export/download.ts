/**
 * Saves a file the lab handed back (base64) through a Blob and an anchor with `download`: it works the same
 * in a browser tab and in the Electron window (whose session shows its save dialog), with no extra IPC.
 */
import type { FileResult } from '../../../core/api/contract';

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

export function saveFile(file: FileResult): void {
  const blob = new Blob([base64ToBytes(file.base64)], { type: file.mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some engines; a minute is ample for the save to start.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A text file in the FileResult shape, so settings JSON saves through the same path as exports. */
export function textFile(fileName: string, mime: string, text: string): FileResult {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { fileName, mime, base64: btoa(bin) };
}
