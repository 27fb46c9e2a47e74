import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LAB_METHODS, invalidArgument, type RunSummary } from '../../../core/api';
import { plainBytes, toWire } from '../../../core/shared/wire';
import type { Command, Io } from '../command';
import { openCliLab, withLab } from '../open-lab';
import { UsageError } from '../usage-error';
import type { Lab } from '../../../core/lab/lab';
import { bulkDelete } from '../bulk-delete';
import { exportTfevents } from './export-tfevents';

const SUB = ['list', 'show', 'export', 'import', 'delete', 'tag'] as const;
type Sub = (typeof SUB)[number];

function table(runs: RunSummary[]): string {
  const rows = runs.map((r) => [
    r.id,
    r.name.slice(0, 40),
    r.status,
    r.task,
    `${r.cell}/${r.activation}`,
    r.init,
    r.final.loss?.toPrecision(4) ?? '',
    String(r.final.horizon ?? ''),
    r.createdAt.slice(0, 19).replace('T', ' '),
    r.tags.join(','),
  ]);
  const head = ['id', 'name', 'status', 'task', 'cell/act', 'init', 'loss', 'horizon', 'created', 'tags'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [head, ...rows]
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

const splitList = (v: unknown) =>
  typeof v === 'string' && v
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;

async function runSub(sub: Sub, lab: Lab, values: Record<string, unknown>, args: string[], io: Io): Promise<number> {
  const h = lab.handlers;
  const one = () => {
    if (args.length !== 1) throw new UsageError(`gradlab runs ${sub}: give one run id`);
    return args[0]!;
  };
  switch (sub) {
    case 'list': {
      const parsed = LAB_METHODS.listRuns.args.safeParse({
        text: values.search,
        status: splitList(values.status),
        task: splitList(values.task),
        cell: splitList(values.cell),
        activation: splitList(values.activation),
        init: splitList(values.init),
        tag: splitList(values.tag),
        sweepId: values.sweep,
        limit: values.limit === undefined ? 100 : Number(values.limit),
        ...(values.sort ? { sort: values.sort } : {}),
      });
      if (!parsed.success) throw invalidArgument('filters', parsed.error);
      const page = await h.listRuns(parsed.data);
      io.out(
        values.json
          ? toWire(page)
          : page.runs.length
            ? `${table(page.runs)}\n(${page.runs.length} of ${page.total})`
            : 'no runs',
      );
      return 0;
    }
    case 'show': {
      const runId = one();
      const run = await h.getRun({ runId });
      if (values.json) {
        const { series } = await h.getSeries({ runId, maxPoints: values.points ? Number(values.points) : 2000 });
        const { profiles } = await h.getProfiles({ runId, latest: false });
        io.out(toWire({ run, series, profiles }));
      } else {
        const f = run.final;
        io.out(
          [
            `${run.id}  ${run.name}`,
            `status     ${run.status}${run.divergence ? ` at step ${run.divergence.step} (${run.divergence.tensor})` : ''}${run.error ? `: ${run.error}` : ''}`,
            ...(run.spec
              ? [
                  `model      ${run.spec.model.layers}× ${run.cell} H=${run.spec.model.hidden} ${run.activation}, init ${run.spec.model.init.input}/${run.init}`,
                  `task       ${run.task}   optimizer ${run.spec.train.optimizer} lr ${run.spec.train.lr}   clip ${run.clip}   seed ${run.seed}`,
                ]
              : []),
            ...(run.source
              ? [
                  `source     ${run.source.kind} ${run.source.directory} (${run.source.files.length} files; tags ${run.source.tags.map((t) => t.tag).join(', ')})`,
                ]
              : []),
            `backend    ${run.backend ?? '-'} (${run.device ?? '-'})`,
            ...(run.attempts ?? []).map(
              (a) =>
                `worker     ${a.worker} on ${a.host}: ${a.backend} (${a.device}) from step ${a.fromStep} (attempt ${a.attempt})`,
            ),
            `steps      ${run.stepsDone}/${run.stepsTotal}   created ${run.createdAt}   ended ${run.endedAt ?? '-'}`,
            `final      loss ${f.loss ?? '-'}  held-out ${f.heldoutLoss ?? '-'}  accuracy ${f.accuracy ?? '-'}  horizon ${f.horizon ?? '-'}`,
            `metrics    ${run.metrics.join(', ')}`,
            `tags       ${run.tags.join(', ') || '-'}`,
            ...(run.note ? [`note       ${run.note}`] : []),
          ].join('\n'),
        );
      }
      return 0;
    }
    case 'export': {
      if (values.format === 'tfevents') return exportTfevents(lab, values, args, io);
      if (values.format !== undefined && values.format !== 'bundle')
        throw new UsageError(`gradlab runs export: --format is bundle or tfevents, not '${String(values.format)}'`);
      if (!values.out) throw new UsageError('gradlab runs export: --out FILE is required');
      const file = await h.exportBundle(values.sweep ? { sweepId: String(values.sweep) } : { runIds: args });
      const out = resolve(io.cwd, String(values.out));
      writeFileSync(out, file.bytes);
      io.out(`wrote ${out}`);
      return 0;
    }
    case 'import': {
      const path = resolve(io.cwd, one());
      let bytes: Buffer;
      try {
        bytes = readFileSync(path);
      } catch (e) {
        throw new UsageError(`gradlab runs import: cannot read ${path}: ${(e as NodeJS.ErrnoException).code}`);
      }
      const { imported } = await h.importBundle({ bytes: plainBytes(bytes) });
      io.out(`imported ${imported.length} run(s): ${imported.map((r) => r.id).join(', ')}`);
      return 0;
    }
    case 'delete': {
      if (values['older-than'] !== undefined || values.tag !== undefined) {
        if (args.length) throw new UsageError('gradlab runs delete: give run ids or --older-than/--tag, not both');
        return bulkDelete(
          lab,
          {
            olderThan: values['older-than'] as string | undefined,
            tag: values.tag as string | undefined,
            dryRun: Boolean(values['dry-run']),
            yes: Boolean(values.yes),
          },
          io,
        );
      }
      if (!args.length)
        throw new UsageError('gradlab runs delete: give one or more run ids, or --older-than DURATION / --tag T');
      for (const runId of args) await h.deleteRun({ runId });
      io.out(`deleted ${args.length} run(s)`);
      return 0;
    }
    case 'tag': {
      const runId = one();
      const run = await h.tagRun({ runId, add: splitList(values.add) ?? [], remove: splitList(values.remove) ?? [] });
      io.out(`${run.id}: ${run.tags.join(', ') || '(no tags)'}`);
      return 0;
    }
  }
}

export const runsCommand: Command = {
  name: 'runs',
  summary: 'list, show, export, import, delete or tag stored runs',
  usage: 'gradlab runs list|show|export|import|delete|tag [ARGS] [--db FILE] [--json]',
  options: {
    db: { type: 'string' },
    json: { type: 'boolean' },
    search: { type: 'string' },
    status: { type: 'string' },
    task: { type: 'string' },
    cell: { type: 'string' },
    activation: { type: 'string' },
    init: { type: 'string' },
    tag: { type: 'string' },
    sweep: { type: 'string' },
    sort: { type: 'string' },
    limit: { type: 'string' },
    points: { type: 'string' },
    out: { type: 'string', short: 'o' },
    format: { type: 'string' },
    add: { type: 'string' },
    remove: { type: 'string' },
    'older-than': { type: 'string' },
    'dry-run': { type: 'boolean' },
    yes: { type: 'boolean', short: 'y' },
  },
  optionHelp: [
    ['--db FILE', 'run history database (default: $GRADLAB_DB or ~/.gradlab/lab.db)'],
    ['--json', 'list/show: print one JSON document'],
    ['--search TEXT', 'list: match name, tags and notes'],
    ['--status S,..', 'list: e.g. completed,diverged'],
    ['--task/--cell/--activation/--init/--tag X,..', 'list: filters'],
    ['--sweep ID', 'list: runs of one sweep; export: the whole sweep'],
    ['--sort KEY', 'list: createdAt, name, status, finalLoss, horizon'],
    ['--limit N', 'list: at most N runs (default 100)'],
    ['--points N', 'show --json: downsample each series to N points (default 2000)'],
    ['-o, --out FILE', 'export: bundle file to write (with --format tfevents: the log directory)'],
    ['--format F', 'export: bundle (default) or tfevents (a TensorBoard log directory, one directory per run)'],
    ['--add T,.. / --remove T,..', 'tag: tags to add or remove'],
    [
      '--older-than D / --tag T',
      'delete: every finished run created more than D ago (30m, 12h, 90d, 2w) and/or tagged T',
    ],
    ['--dry-run / -y, --yes', 'delete --older-than/--tag: list what would go / delete without asking'],
  ],
  async run({ values, positionals }, io) {
    const [sub, ...args] = positionals;
    if (!sub || !(SUB as readonly string[]).includes(sub))
      throw new UsageError(`gradlab runs: give a sub-command: ${SUB.join(', ')}${sub ? ` (not '${sub}')` : ''}`);
    return withLab(openCliLab(io, values), (lab) => runSub(sub as Sub, lab, values, args, io));
  },
};
