/**
 * Plain inputs of the figure renderer. They hold numbers and labels only (no run records), so a caller can
 * draw anything with them; `from-runs.ts` builds them from the lab's records. Values may be NaN or ±Infinity
 * (a diverged run): the renderer leaves gaps for them.
 */

export interface LineSeries {
  /** Stable id; `settings.legendNames[id]` overrides `label`. */
  id: string;
  /** Secondary key for legend names (e.g. the run id when the series id is `run:metric`). */
  alias?: string;
  label: string;
  x: readonly number[];
  y: readonly number[];
  /** Shaded band (e.g. mean ± std), parallel to `x`. */
  band?: { lo: readonly number[]; hi: readonly number[] };
  /** Palette slot; defaults to the series index. */
  colorIndex?: number;
  /** Dash slot; defaults to the colour slot. */
  dashIndex?: number;
  /** Event markers drawn on this series (e.g. clip events), as x values; y is the series value there. */
  events?: readonly number[];
  /** Legend text for the events, e.g. "clipped". */
  eventLabel?: string;
  /** Draw as a reference curve (grey, thin, dash-dot), e.g. a theory bound; not used to fit the y range. */
  reference?: boolean;
  /** Left out of the legend. */
  hideInLegend?: boolean;
  /** An open circle at every point (sweeps: one point per run). */
  markers?: boolean;
  /** Points only, no connecting line (a scatter such as predictions against targets); implies markers. */
  noLine?: boolean;
}

export interface HLine {
  y: number;
  label: string;
}

export interface Divergence {
  x: number;
  label: string;
  /** Palette slot of the series that diverged, so the marker takes its colour. */
  colorIndex?: number;
}

export interface LineChartData {
  type: 'line';
  title: string;
  xLabel: string;
  yLabel: string;
  /** The chart's default scale; settings.logY overrides it. */
  logY: boolean;
  series: LineSeries[];
  /** Horizontal reference lines (baseline loss, clip threshold); they count when fitting the y range. */
  hLines?: HLine[];
  divergences?: Divergence[];
  /** Integer x (time steps, training steps) gets integer ticks only. */
  integerX?: boolean;
}

export interface HeatmapData {
  type: 'heatmap';
  title: string;
  xLabel: string;
  yLabel: string;
  /** Colour bar caption. */
  colorLabel: string;
  /** Column positions (training steps), ascending. */
  x: readonly number[];
  /** Row positions (time steps t), ascending. */
  y: readonly number[];
  /** values[i][j] at (x[i], y[j]); already on the colour scale (e.g. log10 of a norm). Non-finite = no data. */
  values: readonly (readonly number[])[];
  /** Caption for the cells without data, shown under the colour bar when there are any. */
  missingLabel?: string;
}

export type ChartData = LineChartData | HeatmapData;
