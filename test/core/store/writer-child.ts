/** Child process for the concurrency test: appends 2,000 steps to a run in batches, as a second lab would. */
import { LabStore } from '../../../core/store';
import { steps } from './steps-data';

const [file, runId] = process.argv.slice(2) as [string, string];
const store = LabStore.open(file, { busyTimeoutMs: 10_000 });
for (let i = 0; i < 200; i++) store.appendSteps(runId, steps(i * 10, 10));
store.close();
