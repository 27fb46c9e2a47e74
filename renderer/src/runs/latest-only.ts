/**
 * Keeps only the newest request's answer. Search sends a query per pause in typing; with a short pause an
 * older, slower query can answer after a newer one, and drawing it would show rows that do not match the box.
 */
export interface LatestOnly {
  /** Runs `request`; `apply` is called only if no newer request was started meanwhile. */
  run<T>(request: () => Promise<T>, apply: (value: T) => void, fail?: (error: unknown) => void): Promise<void>;
  /** True while `ticket` is the newest request. */
  isLatest(ticket: number): boolean;
}

export function latestOnly(): LatestOnly {
  let newest = 0;
  return {
    isLatest: (ticket) => ticket === newest,
    async run(request, apply, fail) {
      const mine = ++newest;
      try {
        const value = await request();
        if (mine === newest) apply(value);
      } catch (e) {
        if (mine === newest) fail?.(e);
      }
    },
  };
}
