/** The plain list of method names the page builds its HTTP client from is exactly the contract's table. */
import { describe, expect, it } from 'vitest';
import { LAB_METHODS } from '../../../core/api/contract';
import { LAB_METHOD_NAMES } from '../../../core/shared/methods';
import { createHttpClient } from '../../../renderer/src/api/http';

describe('contract method names', () => {
  it('core/shared/methods.ts lists every method of the contract, once, and no other', () => {
    expect([...LAB_METHOD_NAMES].sort()).toEqual(Object.keys(LAB_METHODS).sort());
    expect(new Set(LAB_METHOD_NAMES).size).toBe(LAB_METHOD_NAMES.length);
  });

  it('the HTTP client has one function per listed name (a plain object, not a Proxy that answers any name)', async () => {
    const calls: string[] = [];
    const fetch = (async (url: string) => {
      calls.push(String(url));
      return new Response(JSON.stringify({ ok: true, result: { ok: true } }));
    }) as unknown as typeof globalThis.fetch;
    const client = createHttpClient({ baseUrl: 'http://127.0.0.1:1', token: 't', fetch });
    expect(
      Object.keys(client)
        .filter((k) => k !== 'onEvent')
        .sort(),
    ).toEqual([...LAB_METHOD_NAMES].sort());
    expect((client as unknown as Record<string, unknown>).notAMethod).toBeUndefined();
    await client.health({});
    expect(calls).toEqual(['http://127.0.0.1:1/api/health']);
  });
});
