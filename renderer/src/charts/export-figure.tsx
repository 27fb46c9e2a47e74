/**
 * The `Export figure` slot of every chart. A chart names what it shows (chart kind + runs); whoever provides
 * the handler decides what exporting means: the export dialog (figure settings, formats) plugs in here with
 *   <ExportFigureProvider onExport={(req) => openExportDialog(req)}>…</ExportFigureProvider>
 * and every chart's button opens it. Without a provider the button is disabled and says why.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { LabArgs } from '../../../core/api';
import { useT } from '../i18n';

/** One of the figure kinds the lab renders: 'loss' | 'profile' | 'heatmap' | 'horizon' | 'gradnorm'. */
export type FigureChart = LabArgs<'exportFigure'>['chart'];

export interface ExportFigureRequest {
  chart: FigureChart;
  runIds: string[];
  /** The chart's on-screen title, a default for the figure's. */
  title: string;
  /** View state worth carrying into the figure (e.g. the profile's step, the log/linear choice). */
  view?: Record<string, unknown>;
}

export type ExportFigureHandler = (request: ExportFigureRequest) => void;

const ExportFigureContext = createContext<ExportFigureHandler | null>(null);

export function ExportFigureProvider({
  onExport,
  children,
}: {
  onExport: ExportFigureHandler | null;
  children: ReactNode;
}) {
  return <ExportFigureContext.Provider value={onExport}>{children}</ExportFigureContext.Provider>;
}

export function useExportFigure(): ExportFigureHandler | null {
  return useContext(ExportFigureContext);
}

export function ExportFigureButton({ request }: { request: ExportFigureRequest }) {
  const onExport = useExportFigure();
  const t = useT('charts');
  return (
    <button
      type="button"
      className="chart-export"
      disabled={!onExport || request.runIds.length === 0}
      title={onExport ? t('export.title', { title: request.title }) : t('export.unavailable')}
      onClick={() => onExport?.(request)}
    >
      {t('export.button')}
    </button>
  );
}
