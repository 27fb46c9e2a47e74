/**
 * The contract's method names as a plain list. The renderer's HTTP client builds its methods from it (the
 * page may not load core/api/contract.ts, which holds zod schemas); the contract is checked against it at
 * compile time (core/api/contract.ts) and by test/core/api/method-names.test.ts.
 */
export const LAB_METHOD_NAMES = [
  'health',
  'engineInfo',
  'validateSpec',
  'startRun',
  'stopRun',
  'resumeRun',
  'deleteRun',
  'renameRun',
  'tagRun',
  'noteRun',
  'listRuns',
  'getRun',
  'getSeries',
  'getProfiles',
  'startSweep',
  'sweepSummary',
  'exportBundle',
  'importBundle',
  'exportSeriesCsv',
  'exportFigure',
  'importTensorBoard',
  'exportTensorBoard',
  'clusterStatus',
  'listLessons',
  'getLesson',
  'runLesson',
  'listReplications',
  'getReplication',
  'runReplication',
  'getSeriesMany',
] as const;

export type LabMethodName = (typeof LAB_METHOD_NAMES)[number];
