import { LAB_METHODS, invalidArgument } from '../../../core/api';
import type { Command } from '../command';
import { openCliLab, readJsonFile, withLab } from '../open-lab';
import { UsageError } from '../usage-error';
import { BROKER_HELP, openBroker } from '../broker-flag';
import { EXIT } from './train';

export const sweepCommand: Command = {
  name: 'sweep',
  summary: 'train every combination of a grid of spec values (e.g. cell × seed) as one sweep',
  usage: 'gradlab sweep SPEC.json --grid GRID.json [--name NAME] [--db FILE] [--no-wait] [--json] [--broker URL]',
  options: {
    concurrency: { type: 'string' },
    grid: { type: 'string' },
    name: { type: 'string' },
    db: { type: 'string' },
    'no-wait': { type: 'boolean' },
    json: { type: 'boolean' },
    broker: { type: 'string' },
  },
  optionHelp: [
    ['--concurrency N', 'runs training at once (default: one per spare core, at least one)'],
    ['--grid GRID.json', 'spec paths to values, e.g. {"model.cell": ["rnn","lstm"], "train.seed": [1,2,3]}'],
    ['--name NAME', "the sweep's name (default: the spec's)"],
    ['--db FILE', 'run history database'],
    ['--no-wait', 'queue the runs and return (they train while a lab is open)'],
    ['--json', 'print the grouped summary as JSON'],
    [BROKER_HELP[0], 'train the runs on the cluster at this broker (default: $GRADLAB_BROKER); exit codes as train'],
  ],
  async run({ values, positionals }, io) {
    if (positionals.length !== 1) throw new UsageError('gradlab sweep: give exactly one base spec file');
    if (!values.grid) throw new UsageError('gradlab sweep: --grid GRID.json is required');
    const parsed = LAB_METHODS.startSweep.args.safeParse({
      base: readJsonFile(io, positionals[0]!, 'spec file'),
      grid: readJsonFile(io, String(values.grid), 'grid file'),
      ...(values.name ? { name: values.name } : {}),
    });
    if (!parsed.success) throw invalidArgument('sweep', parsed.error);
    const broker = await openBroker(values.broker, io, false, 'gradlab sweep');
    return withLab(openCliLab(io, values, 'cli', broker?.url ?? null), async (lab) => {
      const { sweepId, runs } = await lab.handlers.startSweep({
        ...parsed.data,
        ...(broker ? { placement: 'cluster' as const } : {}),
      });
      io.out(`sweep ${sweepId}: ${runs.length} run(s) queued`);
      if (values['no-wait']) return 0;
      let done = 0;
      const ends = await Promise.all(
        runs.map(async (r) => {
          const end = await lab.whenEnded(r.id);
          io.err(`[${++done}/${runs.length}] ${end.name}: ${end.status}, loss ${end.final.loss ?? 'n/a'}`);
          return end;
        }),
      );
      const { groups } = await lab.handlers.sweepSummary({ sweepId, metric: 'loss' });
      if (values.json) io.out(JSON.stringify(groups));
      else
        for (const g of groups)
          io.out(
            `${g.label}: ${g.runIds.length} seed(s), final loss mean ${g.mean.at(-1)?.toPrecision(4) ?? 'n/a'} ± ${g.std.at(-1)?.toPrecision(2) ?? 'n/a'}`,
          );
      // As train: the worst ending decides (failed 1 before diverged 3 before stopped 130).
      const codes = ends.map((e) => EXIT[e.status]);
      return codes.includes(1) ? 1 : codes.includes(3) ? 3 : codes.includes(130) ? 130 : 0;
    });
  },
};
