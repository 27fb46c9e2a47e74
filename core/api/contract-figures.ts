/** The figure kinds and file formats every export (window, CLI, lessons) speaks of. */
export const FIGURE_CHARTS = ['loss', 'profile', 'heatmap', 'horizon', 'gradnorm'] as const;
export const FIGURE_FORMATS = ['svg', 'pdf', 'png', 'csv'] as const;
