/** The figure kinds and file formats every export (window, CLI, lessons) speaks of. */
/**
 * `sweep`: a measure per run against another (e.g. the initial gradient horizon against the spectral radius),
 * sweeps as curves and other runs as labelled markers; `predictions`: stored predictions against targets.
 */
export const FIGURE_CHARTS = ['loss', 'profile', 'heatmap', 'horizon', 'gradnorm', 'sweep', 'predictions'] as const;
/** `tex`: pgfplots source (a tikzpicture); its data inline, or in a CSV companion file for long series. */
export const FIGURE_FORMATS = ['svg', 'pdf', 'png', 'csv', 'tex'] as const;
