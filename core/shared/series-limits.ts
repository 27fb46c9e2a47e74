/**
 * Limits of getSeriesMany, here rather than in the contract so the window (which may not load zod schemas)
 * can split a large request into calls the host accepts.
 */
export const SERIES_MANY_MAX_RUNS = 100;
/** runIds × maxPoints: about what one 1,000,000-step run costs in one answer. */
export const SERIES_MANY_MAX_POINTS = 1_000_000;
