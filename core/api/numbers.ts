import { z } from 'zod';

/**
 * A measured number that may be NaN or ±Infinity. zod's `z.number()` refuses non-finite values, but a
 * diverged run's metrics are exactly such values and must travel and be stored explicitly.
 */
export const Real = z.custom<number>((v) => typeof v === 'number', {
  message: 'Expected a number (NaN and ±Infinity allowed)',
});
export const RealArray = z.array(Real);
