/**
 * The handler behind the charts' `Export figure` slot (charts/export-figure.tsx): App passes `open` to
 * <ExportFigureProvider onExport={…}> and renders `dialog`. A chart's view state (its scale, the probe step it
 * shows) becomes the dialog's starting settings, so the figure starts as the chart on screen.
 */
import { useCallback, useState, type ReactNode } from 'react';
import type { ExportFigureRequest } from '../charts/export-figure';
import { ExportFigureDialog } from './ExportFigureDialog';
import type { FigureSettingsDefaults } from './figure-options';
import { useLang } from '../i18n/useLang';

/** View keys the charts send (`scale`, `step`) and figure settings keys passed as they are. */
export function settingsFromView(view: Record<string, unknown> = {}): FigureSettingsDefaults {
  const s: FigureSettingsDefaults = {};
  if (view.scale === 'log' || view.scale === 'linear') s.logY = view.scale === 'log';
  if (typeof view.logY === 'boolean') s.logY = view.logY;
  if (typeof view.step === 'number' && Number.isInteger(view.step) && view.step >= 0) s.probeStep = view.step;
  if (typeof view.probeStep === 'number') s.probeStep = view.probeStep;
  if (typeof view.smoothing === 'number' && view.smoothing >= 0 && view.smoothing < 1) s.smoothing = view.smoothing;
  if (typeof view.layer === 'number') s.layer = view.layer;
  if (typeof view.groupSeeds === 'boolean') s.groupSeeds = view.groupSeeds;
  return s;
}

export function useExportFigureDialog(): { open: (request: ExportFigureRequest) => void; dialog: ReactNode } {
  const [request, setRequest] = useState<ExportFigureRequest | null>(null);
  // The figure speaks the window's language (its words come from core/figures/words.ts).
  const lang = useLang();
  const open = useCallback((r: ExportFigureRequest) => setRequest(r), []);
  const dialog = request ? (
    <ExportFigureDialog
      runIds={request.runIds}
      chart={request.chart}
      settingsDefaults={{ ...settingsFromView(request.view), lang }}
      onClose={() => setRequest(null)}
    />
  ) : null;
  return { open, dialog };
}
