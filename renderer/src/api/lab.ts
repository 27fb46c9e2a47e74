/** The one LabClient the page uses: the desktop preload's window.lab, or the browser-mode HTTP client. */
import type { LabClient } from '../../../core/api';
import { createHttpClient } from './http';
import { receiveLabClient } from './receive';

declare global {
  interface Window {
    lab?: LabClient;
  }
}

let client: LabClient | null = null;

export function getLab(): LabClient {
  if (client) return client;
  if (window.lab) return (client = receiveLabClient(window.lab));
  const token = document.querySelector<HTMLMetaElement>('meta[name="gradlab-token"]')?.content;
  if (!token)
    throw new Error('No lab to talk to: open the address printed by `gradlab serve` (it carries the session token).');
  return (client = createHttpClient({ baseUrl: window.location.origin, token }));
}
