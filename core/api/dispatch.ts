/**
 * The trust boundary shared by every binding: a raw call (method name + untrusted argument) is checked
 * against the contract's schema before any handler runs, and every outcome becomes an Envelope.
 */
import { LAB_METHODS, isLabMethod, type LabHandlers } from './contract';
import type { LabMethodName } from '../shared/methods';
import { LabError, invalidArgument, labError, toLabError } from './errors';
import type { Envelope } from './client';

export type Dispatch = (method: string, rawArgs: unknown) => Promise<Envelope<unknown>>;

export interface DispatchOptions {
  /** Also check results against their schema (tests turn this on to hold implementations to the contract). */
  checkResults?: boolean;
}

export function createDispatcher(handlers: LabHandlers, options: DispatchOptions = {}): Dispatch {
  return async (method, rawArgs) => {
    try {
      if (!isLabMethod(method)) throw labError('not_found', 'api.unknownMethod', { method: String(method) });
      const result = await invoke(handlers, method, rawArgs ?? {}, options);
      return { ok: true, result };
    } catch (e) {
      return { ok: false, error: toLabError(e).toData() };
    }
  };
}

async function invoke<M extends LabMethodName>(
  handlers: LabHandlers,
  method: M,
  rawArgs: unknown,
  options: DispatchOptions,
): Promise<unknown> {
  const { args: argsSchema, result: resultSchema } = LAB_METHODS[method];
  const parsed = argsSchema.safeParse(rawArgs);
  if (!parsed.success) throw invalidArgument(`arguments to ${method}`, parsed.error);
  const handler = handlers[method] as (a: unknown) => Promise<unknown>;
  const result = await handler(parsed.data);
  if (options.checkResults) {
    const checked = resultSchema.safeParse(result);
    if (!checked.success)
      throw new LabError('internal', `Result of ${method} breaks the contract: ${checked.error.message}`);
  }
  return result;
}

/** Client side: unwraps an Envelope, rethrowing a LabError with its code and issues. */
export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.result;
  throw LabError.fromData(envelope.error);
}
