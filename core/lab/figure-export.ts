/**
 * exportFigure(): the runs' records from the store through core/figures, the same code `gradlab figure`
 * calls, so the window's export and the CLI's are byte-identical.
 */
import { z } from 'zod';
import { invalidArgument, type FileResult, type LabParsedArgs } from '../api';
// The chart records only (data adapters): the renderers behind '../figures' load on first export.
import { FIGURE_CHART_REGISTRY } from '../figures/chart-registry';
import type { FigureRunInput } from '../figures';
import type { LabStore } from '../store';
import { plainBytes } from '../shared/wire';

export function figureInputs(
  store: LabStore,
  runIds: readonly string[],
  chart: LabParsedArgs<'exportFigure'>['chart'],
): FigureRunInput[] {
  const { series: needsSeries, profiles: needsProfiles } = FIGURE_CHART_REGISTRY[chart].needs;
  return runIds.map((id) => ({
    // The detail, spec included: a seed group's label names the spec fields that tell it from the others.
    run: store.getRun(id),
    ...(needsSeries ? { series: store.getSeries(id) } : {}),
    ...(needsProfiles ? { profiles: store.getProfiles(id) } : {}),
  }));
}

export async function exportFigureFile(store: LabStore, request: LabParsedArgs<'exportFigure'>): Promise<FileResult> {
  const runs = figureInputs(store, request.runIds, request.chart);
  // Loaded on first use: the renderers (PDF, PNG) take seconds to load, which every lab open (`gradlab runs
  // list` among them) would otherwise pay.
  const { figureFromRuns } = await import('../figures');
  try {
    const file = await figureFromRuns(request.chart, request.format, runs, request.settings);
    const companions = file.companions?.map((c) => ({
      fileName: c.fileName,
      mime: c.mime,
      bytes: plainBytes(c.bytes),
    }));
    return {
      fileName: file.fileName,
      mime: file.mime,
      bytes: plainBytes(file.bytes),
      ...(companions ? { companions } : {}),
    };
  } catch (e) {
    if (e instanceof z.ZodError) throw invalidArgument('figure settings', e, 'settings');
    throw e;
  }
}
