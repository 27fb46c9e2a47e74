/**
 * `npm run bench`: speed and memory figures, printed (never asserted by unit tests). Quote ratios measured in
 * one run: the machine is shared and noisy.
 *   npm run bench                      everything
 *   npm run bench -- --json            one JSON document: [{ config, backend, msPerStep, msPerStepProbed (a profile every
 *                                      step from the training pass), msPerStepProbedSpectra (plus the RNN spectra),
 *                                      msPerStepFixedProbe (full profile on the fixed probe batch), referenceMsPerStep }], ...
 *   npm run bench -- --only load                    200 concurrent listRuns/getSeries (a loopback client) while a run trains
 *   npm run bench -- --only history                 a year of runs (10,000) through the HTTP API: Runs/Compare timings, DB size
 *   npm run bench -- --only history-ui              the same history in the built window in Chromium: each action timed
 *   npm run bench -- --only cluster                 runs on 2 workers vs the local lab, ingestion, Redis commands per batch
 *   npm run bench -- --only speed                   issue 11 in one go: ours on every core and on 1 vs PyTorch (before and
 *                                                   after ours), probes, first vs later runs, the 4-run sweep, profiles
 *   npm run bench -- --only engine,store,lab,soak   some parts (soak: live tensors and memory over a
 *                                                   10,000-step run; --soak-steps N);  --steps N  timed steps per engine config
 */
import { parseArgs } from 'node:util';
import { benchEngine, ENGINE_BENCH_CONFIGS, soakEngine } from './engine';
import { runReference } from './reference';
import { benchStore } from './store';
import { benchLab } from './lab';
import { benchHistory } from './history';
import { benchHistoryUi } from './history-ui';
import { benchLoad } from './load';
import { benchCluster } from './cluster';
import { benchSpeed } from './speed';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean' },
    only: { type: 'string' },
    steps: { type: 'string' },
    warmup: { type: 'string' },
    'soak-steps': { type: 'string' },
  },
});
const parts = new Set((values.only ?? 'engine,store,lab,soak').split(','));
const steps = values.steps ? Number(values.steps) : 30;
const warmup = values.warmup ? Number(values.warmup) : 3;
const lines: string[] = [];
const signedPct = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(0)}%`;
const log = (l: string) => (values.json ? lines.push(l) : console.log(l));
const report: Record<string, unknown> = {};
// In --json mode stdout carries only the JSON document.
const print = console.log;
if (values.json) console.log = () => {};

if (parts.has('engine')) {
  // PyTorch before and after ours, its faster figure kept: the machine's drift never flatters us.
  const refBefore = runReference(ENGINE_BENCH_CONFIGS, warmup, steps);
  const ours = await benchEngine({ steps, warmup, log });
  const refAfter = refBefore ? runReference(ENGINE_BENCH_CONFIGS, warmup, steps) : null;
  const ref = refBefore && {
    ...refBefore,
    results: refBefore.results.map((r) => ({
      config: r.config,
      msPerStep: Math.min(r.msPerStep, refAfter?.results.find((x) => x.config === r.config)?.msPerStep ?? Infinity),
    })),
  };
  if (!ref) log('reference: python3-torch is not installed (apt-get install python3-torch): no PyTorch figures');
  else log(`reference: PyTorch ${ref.torch} on CPU, ${ref.threads} threads`);
  report.engine = ours.map((r) => {
    const refMs = ref?.results.find((x) => x.config === r.config)?.msPerStep ?? null;
    if (refMs !== null) {
      log(
        `${r.config.padEnd(28)} ours ${r.msPerStep.toFixed(1).padStart(7)} ms  PyTorch ${refMs.toFixed(1).padStart(7)} ms  ratio PyTorch/ours ${(refMs / r.msPerStep).toFixed(2)}  probes every step cost ${signedPct(r.msPerStepProbed / r.msPerStep - 1)} (target ≤ +15%)`,
      );
    }
    return {
      config: r.config,
      backend: r.backend,
      msPerStep: r.msPerStep,
      msPerStepProbed: r.msPerStepProbed,
      msPerStepProbedSpectra: r.msPerStepProbedSpectra,
      msPerStepFixedProbe: r.msPerStepFixedProbe,
      referenceMsPerStep: refMs,
      tensorsBefore: r.tensorsBefore,
      tensorsAfter: r.tensorsAfter,
    };
  });
}
if (parts.has('soak')) {
  const steps = values['soak-steps'] ? Number(values['soak-steps']) : 10_000;
  log(`soak   ${ENGINE_BENCH_CONFIGS[0]!.name}, ${steps} steps: live tensors and process memory`);
  report.soak = await soakEngine(ENGINE_BENCH_CONFIGS[0]!, steps, Math.max(1, Math.floor(steps / 10)), log);
}
if (parts.has('store')) report.store = await benchStore();
if (parts.has('lab')) report.lab = await benchLab(log);
if (parts.has('history')) report.history = await benchHistory(log);
if (parts.has('history-ui')) report.historyUi = await benchHistoryUi(log);
if (parts.has('load')) report.load = await benchLoad(log);
// Not in the default set: it starts a redis-server and two workers (npm run bench -- --only cluster).
if (parts.has('cluster')) report.cluster = await benchCluster(log);
if (parts.has('speed')) report.speed = await benchSpeed(log, values.steps ? steps : 10, warmup);
if (values.json) print(JSON.stringify(report, null, 2));
process.exit(0);
