/**
 * The frame every chart sits in: a title, optional controls, the `Export figure` slot, and the drawing as
 * role="img" with an accessible name ("Loss") and a text summary of what it shows. Controls and the export
 * button live outside the image, where assistive technology still reaches them.
 */
import { useId, type ReactNode } from 'react';
import { ExportFigureButton, type ExportFigureRequest } from './export-figure';

export interface ChartFrameProps {
  /** The chart's accessible name and visible title, e.g. "Gradient flow". */
  title: string;
  /** A sentence or two for screen readers: what the chart shows now (latest values, where it diverged…). */
  summary: string;
  /** A short line under the title (units, what is plotted). */
  subtitle?: ReactNode;
  /** Toggles, sliders: rendered beside the title. */
  controls?: ReactNode;
  /** What `Export figure` exports; or replace the button entirely with `exportButton`. */
  exportRequest?: ExportFigureRequest;
  exportButton?: ReactNode;
  /** Shown instead of the drawing when there is nothing to draw yet. */
  empty?: string | null;
  legend?: ReactNode;
  className?: string;
  children: ReactNode;
}

export function ChartFrame({
  title,
  summary,
  subtitle,
  controls,
  exportRequest,
  exportButton,
  empty,
  legend,
  className,
  children,
}: ChartFrameProps) {
  const summaryId = useId();
  return (
    <figure className={`chart${className ? ` ${className}` : ''}`}>
      <figcaption className="chart-head">
        <div className="chart-titles">
          <span className="chart-title">{title}</span>
          {subtitle && <span className="chart-subtitle">{subtitle}</span>}
        </div>
        <div className="chart-controls">
          {controls}
          {exportButton ?? (exportRequest ? <ExportFigureButton request={exportRequest} /> : null)}
        </div>
      </figcaption>
      <div role="img" aria-label={title} aria-describedby={summaryId} className="chart-body">
        {empty ? <div className="chart-empty">{empty}</div> : children}
      </div>
      {legend && !empty && <div className="chart-legend">{legend}</div>}
      <p id={summaryId} className="visually-hidden">
        {empty ?? summary}
      </p>
    </figure>
  );
}

export interface LegendItem {
  label: string;
  color: string;
  /** SVG stroke-dasharray (core/shared/palette.ts), undefined for solid. */
  dash?: string | undefined;
  marker?: 'line' | 'dot' | 'rule';
}

export function Legend({ items }: { items: LegendItem[] }) {
  return (
    <ul className="legend">
      {items.map((i) => (
        <li key={i.label}>
          <svg width="22" height="10" aria-hidden="true">
            {i.marker === 'dot' ? (
              <circle cx="11" cy="5" r="3.5" fill={i.color} />
            ) : i.marker === 'rule' ? (
              <line x1="11" x2="11" y1="0" y2="10" stroke={i.color} strokeWidth="2" strokeDasharray="3 2" />
            ) : (
              <line x1="1" x2="21" y1="5" y2="5" stroke={i.color} strokeWidth="2" strokeDasharray={i.dash} />
            )}
          </svg>
          {i.label}
        </li>
      ))}
    </ul>
  );
}
