/**
 * The `Export figure` button every chart carries. Drop it beside a chart:
 *   <ExportFigureButton runIds={[run.id]} chart="profile" settingsDefaults={{ probeStep: 400, logY: true }} />
 * `settingsDefaults` are figure settings (core/figures/settings.ts) that match what the chart on screen
 * shows (smoothing, scale, probe step...); the dialog starts from them.
 */
import { useT } from '../i18n';
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
  const t = useT('export');
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className={`act-btn act-small ${className ?? ''}`}
        disabled={runIds.length === 0}
        title={runIds.length ? t('button.hint') : t('button.nothing')}
        onClick={() => setOpen(true)}
      >
        {t('button.label')}
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
