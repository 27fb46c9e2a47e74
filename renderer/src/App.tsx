/**
 * The app shell: one tab per view. Panels stay mounted so switching tabs loses nothing.
 *
 * Mount points for the other views (replace the placeholders below):
 *   Runs     <RunsPanel onOpenRun={openRun} />       (renderer/src/runs/): openRun(runId) shows any stored run live
 *   Compare  <ComparePanel />                         (renderer/src/compare/): the charts in renderer/src/charts/ take
 *            plain series props (see charts/README in SeriesChart.tsx's header) and carry an `Export figure` slot
 *   Lessons  <LessonsPanel onOpenPreset={…} />
 * Export figure: every chart's button calls the handler given to <ExportFigureProvider> below (see
 * charts/export-figure.tsx); the export dialog replaces `exportFigureNow` with a function that opens it.
 */
import { useCallback, useState } from 'react';
import { EngineBadge } from './shell/EngineBadge';
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

  const tabs: TabDef<TabId>[] = [
    { id: 'builder', label: 'Builder', panel: <Builder onStarted={openRuns} /> },
    {
      id: 'live',
      label: 'Live run',
      panel: live ? <Placeholder title="Live run">Run {live.runIds.join(', ')}</Placeholder> : <Placeholder title="No run open">Start a run in the Builder, or open one from Runs.</Placeholder>,
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
    <div className="app">
      <Tabs tabs={tabs} selected={tab} onSelect={setTab} title={<h1>RNN Gradient Lab</h1>} aside={<EngineBadge />} />
    </div>
  );
}
