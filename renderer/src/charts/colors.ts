/**
 * Okabe–Ito, the colour-blind-safe palette journals recommend. Series take them in this order (strong
 * contrasts first, the pale yellow last); fixed roles keep one meaning per colour across the app.
 */
export const OKABE_ITO = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'] as const;

export const seriesColor = (i: number): string => OKABE_ITO[((i % OKABE_ITO.length) + OKABE_ITO.length) % OKABE_ITO.length] ?? '#000000';

export const ROLE = {
  train: '#0072B2',
  heldout: '#D55E00',
  accuracy: '#009E73',
  heldoutAccuracy: '#CC79A7',
  gradNorm: '#0072B2',
  clipped: '#E69F00',
  divergence: '#D55E00',
  horizon: '#009E73',
  /** Theory bounds and thresholds: grey, so they never read as a measured curve. */
  reference: '#6E6E6E',
} as const;
