/**
 * The app shell: one tab per view. Panels stay mounted so switching tabs loses nothing.
 *
 * Views: Builder (renderer/src/builder/), Live run (live/: openRuns shows a run, or a sweep's runs, as it trains or as
 * stored), Runs (runs/, opens runs in the live view), Compare (compare/), Lessons (placeholder below: replace it).
 * The charts in charts/ (LossChart, GradNormChart, HorizonChart, GradientFlowChart, GradientHeatmap, SeriesChart)
 * take plain curves and profiles, several runs at once, and carry the `Export figure` slot.
 * Export figure: every chart's button calls the handler given to <ExportFigureProvider> below with an
 * ExportFigureRequest { chart, runIds, title, view } (charts/export-figure.tsx); the export dialog replaces
 * `exportFigureNow` with a function that opens the dialog for that request.
 */
import { useCallback, useState } from 'react';
import { EngineBadge } from './shell/EngineBadge';
import { getLab } from './api/lab';
import { LiveRunView } from './live/LiveRunView';
import { ExportFigureProvider, type ExportFigureRequest } from './charts/export-figure';
import { downloadBase64 } from './ui/download';
import { Builder } from './builder/Builder';
import type { StartedRuns } from './builder/RunActions';
import { Tabs, type TabDef } from './ui/Tabs';
import { Placeholder } from './ui/Placeholder';
import { RunsView } from './runs/RunsView';
import { CompareView } from './compare/CompareView';

type TabId = 'builder' | 'live' | 'runs' | 'compare' | 'lessons';

export function App() {
  const [tab, setTab] = useState<TabId>('builder');
  const [live, setLive] = useState<StartedRuns | null>(null);
  const [compareIds, setCompareIds] = useState<string[]>([]);

  /** Shows a run (or a sweep's runs) in the live view: for runs just started and for stored runs alike. */
  const openRuns = useCallback((started: StartedRuns) => {
    setLive(started);
    setTab('live');
  }, []);

  // Until the export dialog lands: export the chart as it is, an SVG with the lab's default figure settings.
  const [exportNote, setExportNote] = useState<string | null>(null);
  const exportFigureNow = useCallback(async (req: ExportFigureRequest) => {
    setExportNote(`Exporting “${req.title}”…`);
    try {
      const file = await getLab().exportFigure({ runIds: req.runIds, chart: req.chart, format: 'svg', settings: {} });
      downloadBase64(file.fileName, file.base64, file.mime);
      setExportNote(`Saved ${file.fileName}.`);
    } catch (e) {
      setExportNote(`Could not export “${req.title}”: ${e instanceof Error ? e.message : String(e)}`);
    }
  }, []);

  const tabs: TabDef<TabId>[] = [
    { id: 'builder', label: 'Builder', panel: <Builder onStarted={openRuns} /> },
    {
      id: 'live',
      label: 'Live run',
      panel: live ? (
        <LiveRunView runIds={live.runIds} {...(live.sweepId ? { sweepId: live.sweepId } : {})} />
      ) : (
        <Placeholder title="No run open">Start a run in the Builder, or open one from Runs.</Placeholder>
      ),
    },
    {
      id: 'runs',
      label: 'Runs',
      panel: (
        <RunsView
          onCompare={(ids) => {
            setCompareIds(ids);
            setTab('compare');
          }}
          onOpenRun={(runId) => openRuns({ runIds: [runId] })}
        />
      ),
    },
    { id: 'compare', label: 'Compare', panel: <CompareView runIds={compareIds} onRunIdsChange={setCompareIds} /> },
    { id: 'lessons', label: 'Lessons', panel: <Placeholder title="Lessons">Guided experiments on vanishing and exploding gradients.</Placeholder> },
  ];

  return (
    <ExportFigureProvider onExport={exportFigureNow}>
      <div className="app">
        <Tabs tabs={tabs} selected={tab} onSelect={setTab} title={<h1>RNN Gradient Lab</h1>} aside={<EngineBadge />} />
        {exportNote && (
          <div className="toast" role="status">
            <span>{exportNote}</span>
            <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => setExportNote(null)}>
              ✕
            </button>
          </div>
        )}
      </div>
    </ExportFigureProvider>
  );
}
