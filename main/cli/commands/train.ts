import {
  ExperimentSpecSchema,
  eventRunId,
  invalidArgument,
  type ExperimentSpec,
  type LabEvent,
  type StepMetrics,
} from '../../../core/api';
import { toWire } from '../../../core/shared/wire';
import type { Command } from '../command';
import { openCliLab, readJsonFile, withLab } from '../open-lab';
import { progressLine } from '../progress';
import { UsageError } from '../usage-error';
import { BROKER_HELP, openBroker } from '../broker-flag';

/** Exit codes: 0 completed, 1 failed, 3 diverged, 130 stopped by Ctrl+C. */
export const EXIT = {
  completed: 0,
  failed: 1,
  diverged: 3,
  stopped: 130,
  interrupted: 1,
  imported: 1,
  queued: 1,
  running: 1,
} as const;

export const trainCommand: Command = {
  name: 'train',
  summary: 'train one run from a spec file and store it in the run history',
  usage:
    'gradlab train SPEC.json [--db FILE] [--json] [--broker URL]   |   gradlab train --resume RUN_ID [--db FILE] [--json]',
  options: {
    concurrency: { type: 'string' },
    db: { type: 'string' },
    json: { type: 'boolean' },
    resume: { type: 'string' },
    broker: { type: 'string' },
  },
  optionHelp: [
    [
      '--resume RUN_ID',
      'carry on an interrupted, stopped or failed run from its last checkpoint (from scratch if it never trained)',
    ],
    ['--concurrency N', 'runs training at once (default: one per spare core, at least one)'],
    ['--db FILE', 'run history database (default: $GRADLAB_DB or ~/.gradlab/lab.db)'],
    ['--json', 'print every event as one JSON line (NDJSON) instead of a progress bar'],
    [
      BROKER_HELP[0],
      'train on a `gradlab worker` of the cluster at this broker (default: $GRADLAB_BROKER), not on this machine',
    ],
  ],
  async run({ values, positionals }, io) {
    const resumeId = typeof values.resume === 'string' ? values.resume : null;
    if (resumeId !== null && positionals.length)
      throw new UsageError('gradlab train: give a spec file or --resume RUN_ID, not both');
    if (resumeId === null && positionals.length !== 1)
      throw new UsageError('gradlab train: give exactly one spec file, e.g. gradlab train spec.json');
    let spec: ExperimentSpec | null = null;
    if (resumeId === null) {
      const parsed = ExperimentSpecSchema.safeParse(readJsonFile(io, positionals[0]!, 'spec file'));
      if (!parsed.success) throw invalidArgument(`spec file ${positionals[0]}`, parsed.error);
      spec = parsed.data;
    }
    const json = Boolean(values.json);
    const broker = await openBroker(values.broker, io, false, 'gradlab train');
    const placement = broker ? ('cluster' as const) : ('local' as const);
    return withLab(openCliLab(io, values, 'cli', broker?.url ?? null), async (lab) => {
      let runId = '';
      let last: StepMetrics | null = null;
      let lastPrint = 0;
      const tty = process.stderr.isTTY;
      // Events can arrive before startRun returns this run's id (run.queued does): hold them until then.
      const early: LabEvent[] = [];
      const show = (e: LabEvent) => {
        if (eventRunId(e) !== runId) return;
        if (json) return io.out(toWire(e));
        if (e.type === 'run.steps') {
          last = e.steps[e.steps.length - 1] ?? last;
          const now = Date.now();
          if (last && now - lastPrint > (tty ? 200 : 5000)) {
            lastPrint = now;
            if (tty) process.stderr.write(`\r${progressLine(last, e.stepsTotal)}\x1b[K`);
            else io.err(progressLine(last, e.stepsTotal));
          }
        } else if (e.type === 'run.started') io.err(`run ${e.run.id} started on ${e.run.backend} (${e.run.device})`);
      };
      const off = lab.subscribe((e) => (runId ? show(e) : early.push(e)));
      const run = spec
        ? await lab.handlers.startRun({ spec, placement })
        : await lab.handlers.resumeRun({ runId: resumeId!, placement });
      runId = run.id;
      early.splice(0).forEach(show);
      const stop = () => void lab.handlers.stopRun({ runId });
      process.once('SIGINT', stop);
      const ended = await lab.whenEnded(runId);
      process.off('SIGINT', stop);
      off();
      if (!json) {
        if (tty) process.stderr.write('\n');
        const f = ended.final;
        io.out(
          `run ${ended.id} ${ended.status}` +
            (ended.divergence ? ` at step ${ended.divergence.step} (${ended.divergence.tensor})` : '') +
            (ended.error ? `: ${ended.error}` : ''),
        );
        io.out(
          `  steps ${f.steps ?? 0}  loss ${f.loss ?? 'n/a'}  held-out loss ${f.heldoutLoss ?? 'n/a'}` +
            (f.accuracy !== undefined ? `  accuracy ${f.accuracy}` : '') +
            `  horizon ${f.horizon ?? 'n/a'}`,
        );
      }
      return EXIT[ended.status];
    });
  },
};
