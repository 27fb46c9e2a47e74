/**
 * Saves bytes or text as a file from the page through a Blob and an anchor with `download`: it works the
 * same in a browser tab and in the Electron window (whose session shows its save dialog), with no extra IPC.
 */
import type { FileResult } from '../../../core/api/contract';

export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some engines; a minute is ample for the save to start.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function downloadText(fileName: string, text: string, mime = 'application/json'): void {
  downloadBlob(fileName, new Blob([text], { type: mime }));
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/** A file the lab handed back (FileResult: base64 bytes) as a download. */
export function saveFile(file: FileResult): void {
  downloadBlob(file.fileName, new Blob([base64ToBytes(file.base64)], { type: file.mime }));
}

/** A file name from a run or spec name: letters, digits, dashes. */
export function safeFileName(name: string, fallback = 'gradlab'): string {
  const s = name
    .trim()
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || fallback;
}
