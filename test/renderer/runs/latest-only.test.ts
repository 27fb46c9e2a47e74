import { describe, expect, it } from 'vitest';
import { latestOnly } from '../../../renderer/src/runs/latest-only';

/** A promise resolved from outside, so the test decides the order the answers arrive in. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('search answers: only the latest request is drawn', () => {
  it('drops an older answer that arrives after a newer one', async () => {
    const gate = latestOnly();
    const shown: string[] = [];
    const slow = deferred<string>();
    const fast = deferred<string>();
    const first = gate.run(
      () => slow.promise,
      (v) => shown.push(v),
    );
    const second = gate.run(
      () => fast.promise,
      (v) => shown.push(v),
    );
    fast.resolve('ls');
    await second;
    slow.resolve('l');
    await first;
    expect(shown).toEqual(['ls']);
  });

  it('drops an older failure too, and reports the latest one', async () => {
    const gate = latestOnly();
    const errors: unknown[] = [];
    const old = deferred<string>();
    const first = gate.run(
      () => old.promise,
      () => {},
      (e) => errors.push(e),
    );
    const second = gate.run(
      () => Promise.reject(new Error('newest')),
      () => {},
      (e) => errors.push(e),
    );
    await second;
    old.reject(new Error('stale'));
    await first;
    expect(errors.map((e) => (e as Error).message)).toEqual(['newest']);
  });

  it('answers in order are all applied', async () => {
    const gate = latestOnly();
    const shown: number[] = [];
    await gate.run(
      async () => 1,
      (v) => shown.push(v),
    );
    await gate.run(
      async () => 2,
      (v) => shown.push(v),
    );
    expect(shown).toEqual([1, 2]);
  });
});
