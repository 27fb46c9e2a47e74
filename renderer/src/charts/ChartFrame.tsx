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
      {legend && !empty ? legend : null}
      <p id={summaryId} className="visually-hidden">
        {empty ?? summary}
      </p>
    </figure>
  );
}
