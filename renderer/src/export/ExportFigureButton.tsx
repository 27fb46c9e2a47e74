/**
 * The `Export figure` button every chart carries. Drop it beside a chart:
 *   <ExportFigureButton runIds={[run.id]} chart="profile" settingsDefaults={{ probeStep: 400, logY: true }} />
 * `settingsDefaults` are figure settings (core/figures/settings.ts) that match what the chart on screen
 * shows (smoothing, scale, probe step...); the dialog starts from them.
 */
import { useState } from 'react';
import { ExportFigureDialog } from './ExportFigureDialog';
import type { FigureChart, FigureSettingsDefaults } from './figure-options';

export interface ExportFigureButtonProps {
  runIds: readonly string[];
  chart: FigureChart;
  settingsDefaults?: FigureSettingsDefaults;
  className?: string;
}

export function ExportFigureButton({ runIds, chart, settingsDefaults, className }: ExportFigureButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className={`act-btn act-small ${className ?? ''}`}
        disabled={runIds.length === 0}
        title={runIds.length ? 'SVG, PDF, PNG or CSV for a paper' : 'Nothing to export yet'}
        onClick={() => setOpen(true)}
      >
        Export figure
      </button>
      {open && (
        <ExportFigureDialog
          runIds={runIds}
          chart={chart}
          settingsDefaults={settingsDefaults}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
