/**
 * The page's end of the desktop channel. The preload rejects with a LabError's fields because the
 * contextBridge strips an Error to its message; here each call's rejection becomes a LabError again, so the
 * page sees the one error type the HTTP client throws too (code and field issues included).
 */
import { receivedError } from '../../../core/shared/errors';
import type { LabClient } from '../../../core/api';

export function receiveLabClient(bridged: LabClient): LabClient {
  // The bridged object carries one function per contract method (the preload builds it from the list).
  const names = Object.keys(bridged).filter((k) => k !== 'onEvent');
  const methods = Object.fromEntries(
    names.map((method) => {
      const fn = (bridged as unknown as Record<string, (args: unknown) => Promise<unknown>>)[method]!;
      return [method, (args: unknown) => fn(args).catch((e: unknown) => Promise.reject(receivedError(e)))];
    }),
  );
  return { ...methods, onEvent: (listener) => bridged.onEvent(listener) } as LabClient;
}
