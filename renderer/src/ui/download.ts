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

/** A file the lab handed back (FileResult or one of its companions) as a download. */
export function saveFile(file: Pick<FileResult, 'fileName' | 'mime' | 'bytes'>): void {
  downloadBlob(file.fileName, new Blob([file.bytes], { type: file.mime }));
}

/** A file name from a run or spec name: letters, digits, dashes. */
export function safeFileName(name: string, fallback = 'gradlab'): string {
  const s = name
    .trim()
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || fallback;
}
