/** One Compare chart with its title, its own options, a log-y switch and its Export figure button. */
import { useId, type ReactNode } from 'react';
import { ExportFigureButton } from '../export/ExportFigureButton';
import type { FigureChart, FigureSettingsDefaults } from '../export/figure-options';
import { useT } from '../i18n';

export interface ChartPanelProps {
  title: string;
  chart: FigureChart;
  runIds: readonly string[];
  exportDefaults: FigureSettingsDefaults;
  logY: boolean;
  onLogY: (log: boolean) => void;
  /** Options of this chart (metric choice, probe step...). */
  options?: ReactNode;
  children: ReactNode;
}

export function ChartPanel({ title, chart, runIds, exportDefaults, logY, onLogY, options, children }: ChartPanelProps) {
  const t = useT('compare');
  const headingId = useId();
  return (
    <section className="chart-panel" aria-labelledby={headingId}>
      <header className="chart-panel-header">
        <h3 id={headingId}>{title}</h3>
        <div className="chart-panel-options">
          {options}
          <label className="log-toggle">
            <input type="checkbox" checked={logY} onChange={(e) => onLogY(e.target.checked)} />
            {t('logY')}
          </label>
          <ExportFigureButton runIds={runIds} chart={chart} settingsDefaults={exportDefaults} />
        </div>
      </header>
      {children}
    </section>
  );
}
