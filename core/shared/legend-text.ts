/**
 * What a legend says, for the exported figure (core/figures/charts/line) and the window's Compare legend alike:
 * user legend names win; the words every automatic name shares go to one caption line, and each entry keeps
 * only what differs. Pure and dependency-free: the renderer imports it at run time.
 */

/** Ids a user legend name may be keyed by: the series' id, then its alias (a run id or a spec hash). */
export interface NamedSeries {
  id: string;
  alias?: string | undefined;
  /** The automatic name (a run's name, a seed group's label). */
  label: string;
}

export type LegendNames = Readonly<Record<string, string>>;

/** The user's name for a series, if any. */
export function userName(series: NamedSeries, names: LegendNames): string | undefined {
  return names[series.id] ?? (series.alias !== undefined ? names[series.alias] : undefined);
}

/**
 * The words all `labels` start with, cut back to a word boundary, when at least 6 characters long and every
 * label keeps something of its own; else ''.
 */
export function sharedPrefix(labels: readonly string[]): string {
  if (labels.length < 2) return '';
  let prefix = labels[0] ?? '';
  for (const l of labels) while (!l.startsWith(prefix)) prefix = prefix.slice(0, -1);
  // Cut back to a word boundary, and leave every entry something of its own.
  // Chinese names break at full-width commas and colons.
  const cut = Math.max(...[' ', ',', ':', '，', '：'].map((c) => prefix.lastIndexOf(c)));
  prefix = cut >= 0 ? prefix.slice(0, cut + 1) : '';
  if (labels.some((l) => l.length <= prefix.length)) return '';
  return prefix.trim().replace(/[,:，：]$/, '').length >= 6 ? prefix : '';
}

/** Entries fewer than this keep their whole names: two short names are read faster than a caption. */
export const MIN_CAPTIONED = 3;

export interface LegendText {
  /** The caption line (what every automatic name shares), or '' for none. */
  caption: string;
  /** One per series, in order: the user's name, or the automatic name less the caption's words. */
  labels: string[];
}

export function legendText(series: readonly NamedSeries[], names: LegendNames = {}): LegendText {
  const user = series.map((s) => userName(s, names));
  const auto = series.filter((_, i) => user[i] === undefined).map((s) => s.label);
  const prefix = series.length >= MIN_CAPTIONED ? sharedPrefix(auto) : '';
  return {
    caption: prefix.trim().replace(/[,:，：]$/, ''),
    labels: series.map((s, i) => user[i] ?? (prefix ? s.label.slice(prefix.length).trim() : s.label)),
  };
}
