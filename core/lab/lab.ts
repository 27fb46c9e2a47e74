/**
 * The Lab: the host-side implementation of LabApi. It validates nothing itself (the dispatcher did), owns
 * the engine processes and the store, and pushes LabEvents to every subscriber.
 */
import { LabError, type EngineInfo, type LabHandlers, type LabParsedArgs } from '../api';
import type { EngineLauncher } from './engine-channel';
import { engineInfoProbe } from './engine-info';
import { EventHub } from './event-hub';
import { validateSpec } from './validate-spec';

export type HostMode = 'electron' | 'browser' | 'cli' | 'test';

export interface LabOptions {
  mode: HostMode;
  version: string;
  launcher: EngineLauncher;
  /** The run history's file, or null when the lab runs without one. */
  databasePath: string | null;
}

export interface Lab {
  handlers: LabHandlers;
  subscribe: EventHub['subscribe'];
  engineInfo(): Promise<EngineInfo>;
  close(): Promise<void>;
}

export function createLab(options: LabOptions): Lab {
  const hub = new EventHub();
  const startedAt = Date.now();
  const engineInfo = engineInfoProbe(options.launcher);
  const notYet = (what: string) => async (_args: unknown): Promise<never> => {
    throw new LabError('unavailable', `${what} is not available in this build yet`);
  };

  const handlers: LabHandlers = {
    health: async () => ({ ok: true, version: options.version, uptimeMs: Date.now() - startedAt, database: options.databasePath, mode: options.mode }),
    engineInfo: () => engineInfo(),
    validateSpec: async (args: LabParsedArgs<'validateSpec'>) => validateSpec(args),
    startRun: notYet('Training'),
    stopRun: notYet('Stopping a run'),
    resumeRun: notYet('Resuming a run'),
    deleteRun: notYet('Deleting a run'),
    renameRun: notYet('Renaming a run'),
    tagRun: notYet('Tagging a run'),
    noteRun: notYet('Notes'),
    listRuns: notYet('The run history'),
    getRun: notYet('The run history'),
    getSeries: notYet('The run history'),
    getProfiles: notYet('The run history'),
    startSweep: notYet('Sweeps'),
    sweepSummary: notYet('Sweeps'),
    exportBundle: notYet('Export'),
    importBundle: notYet('Import'),
    exportSeriesCsv: notYet('CSV export'),
    exportFigure: notYet('Figure export'),
  };

  return {
    handlers,
    subscribe: hub.subscribe,
    engineInfo,
    close: async () => {},
  };
}
