/**
 * exportFigure(): the runs' records from the store through core/figures, the same code `gradlab figure`
 * calls, so the window's export and the CLI's are byte-identical.
 */
import { z } from 'zod';
import { invalidArgument, type FileResult, type LabParsedArgs } from '../api';
import { figureFromRuns, type FigureRunInput } from '../figures';
import type { LabStore } from '../store';

export function figureInputs(store: LabStore, runIds: readonly string[], chart: LabParsedArgs<'exportFigure'>['chart']): FigureRunInput[] {
  const needsProfiles = chart === 'profile' || chart === 'heatmap' || chart === 'horizon' || chart === 'sweep';
  const needsSeries = chart !== 'profile' && chart !== 'heatmap' && chart !== 'sweep';
  return runIds.map((id) => ({
    run: store.getSummary(id),
    ...(needsSeries ? { series: store.getSeries(id) } : {}),
    ...(needsProfiles ? { profiles: store.getProfiles(id) } : {}),
  }));
}

export async function exportFigureFile(store: LabStore, request: LabParsedArgs<'exportFigure'>): Promise<FileResult> {
  const runs = figureInputs(store, request.runIds, request.chart);
  try {
    const file = await figureFromRuns(request.chart, request.format, runs, request.settings);
    const companions = file.companions?.map((c) => ({ fileName: c.fileName, mime: c.mime, base64: Buffer.from(c.bytes).toString('base64') }));
    return { fileName: file.fileName, mime: file.mime, base64: Buffer.from(file.bytes).toString('base64'), ...(companions ? { companions } : {}) };
  } catch (e) {
    if (e instanceof z.ZodError) throw invalidArgument('figure settings', e, 'settings');
    throw e;
  }
}
