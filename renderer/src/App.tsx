/**
 * The app shell: one tab per view. Panels stay mounted so switching tabs loses nothing.
 *
 * Views: Builder (renderer/src/builder/), Live run (live/: openRuns shows a run, or a sweep's runs, as it trains or as
 * stored), Runs (runs/, opens runs in the live view), Compare (compare/), Lessons (lessons/: the eight guided experiments), Replications (replications/: the classic papers re-run).
 * The charts in charts/ (LossChart, GradNormChart, HorizonChart, GradientFlowChart, GradientHeatmap, all drawn by Chart)
 * take plain curves and profiles, several runs at once, and carry the `Export figure` slot.
 * Export figure: every chart's button calls the handler given to <ExportFigureProvider> below with an
 * ExportFigureRequest { chart, runIds, title, view } (charts/export-figure.tsx), which opens the export dialog
 * (export/useExportFigureDialog.tsx) for that request.
 */
import { useCallback, useState } from 'react';
import { EngineBadge } from './shell/EngineBadge';
import { LiveRunView } from './live/LiveRunView';
import { ExportFigureProvider } from './charts/export-figure';
import { useExportFigureDialog } from './export/useExportFigureDialog';
import { Builder } from './builder/Builder';
import type { StartedRuns } from './builder/RunActions';
import { Tabs, type TabDef } from './ui/Tabs';
import { Placeholder } from './ui/Placeholder';
import { RunsView } from './runs/RunsView';
import { setSelected, useRunsView } from './runs/view-store';
import { CompareView } from './compare/CompareView';
import { LessonsView } from './lessons/LessonsView';
import { ReplicationsView } from './replications/ReplicationsView';
import { LanguageSelect } from './shell/LanguageSelect';
import { ClusterView } from './cluster/ClusterView';
import { useT } from './i18n';

type TabId = 'builder' | 'live' | 'runs' | 'compare' | 'lessons' | 'replications' | 'cluster';

export function App() {
  const t = useT('shell');
  const [tab, setTab] = useState<TabId>('builder');
  const tc = useT('cluster');
  const [live, setLive] = useState<StartedRuns | null>(null);
  // One selection across tabs: the runs ticked in Runs are the runs Compare shows.
  const selection = useRunsView().selected;

  /** Shows a run (or a sweep's runs) in the live view: for runs just started and for stored runs alike. */
  const openRuns = useCallback((started: StartedRuns) => {
    setLive(started);
    setTab('live');
  }, []);

  // Every chart's Export figure button opens the export dialog (renderer/src/export/).
  const exportDialog = useExportFigureDialog();

  const tabs: TabDef<TabId>[] = [
    { id: 'builder', label: t('tab.builder'), panel: <Builder onStarted={openRuns} /> },
    {
      id: 'live',
      label: t('tab.live'),
      panel: live ? (
        <LiveRunView
          runIds={live.runIds}
          {...(live.sweepId ? { sweepId: live.sweepId } : {})}
          active={tab === 'live'}
        />
      ) : (
        <Placeholder title={t('noRun.title')}>{t('noRun.body')}</Placeholder>
      ),
    },
    {
      id: 'runs',
      label: t('tab.runs'),
      panel: <RunsView onCompare={() => setTab('compare')} onOpenRun={(runId) => openRuns({ runIds: [runId] })} />,
    },
    { id: 'compare', label: t('tab.compare'), panel: <CompareView runs={selection} onRunsChange={setSelected} /> },
    { id: 'lessons', label: t('tab.lessons'), panel: <LessonsView /> },
    { id: 'replications', label: t('tab.replications'), panel: <ReplicationsView /> },
    { id: 'cluster', label: tc('tab'), panel: <ClusterView active={tab === 'cluster'} /> },
  ];

  return (
    <ExportFigureProvider onExport={exportDialog.open}>
      <div className="app">
        <Tabs
          tabs={tabs}
          selected={tab}
          onSelect={setTab}
          title={<h1>{t('appName')}</h1>}
          aside={
            <div className="header-aside">
              <LanguageSelect />
              <EngineBadge />
            </div>
          }
        />
        {exportDialog.dialog}
      </div>
    </ExportFigureProvider>
  );
}
