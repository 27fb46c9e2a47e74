import { mkdirSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import {
  FIGURE_FORMATS,
  REPLICATION_IDS,
  type LabEvent,
  type Replication,
  type ReplicationId,
  type ReplicationScale,
} from '../../../core/api';
import type { Lab } from '../../../core/lab/lab';
import type { Command, Io } from '../command';
import { openCliLab, withLab } from '../open-lab';
import { formatDuration } from '../../../core/shared/format';
import { UsageError } from '../usage-error';

type FigureFormat = (typeof FIGURE_FORMATS)[number];

const VERDICT_TEXT = {
  reproduced: 'REPRODUCED',
  partly: 'PARTLY REPRODUCED',
  not_reproduced: 'NOT REPRODUCED',
} as const;

function formatOf(path: string, flag: unknown): FigureFormat {
  const f = String(flag ?? extname(path).slice(1)).toLowerCase();
  if (!(FIGURE_FORMATS as readonly string[]).includes(f))
    throw new UsageError(
      `gradlab replicate: figure format must be one of ${FIGURE_FORMATS.join(', ')} (from --format or the file's extension), got '${f || path}'`,
    );
  return f as FigureFormat;
}

function replicationId(arg: string): ReplicationId {
  if (!(REPLICATION_IDS as readonly string[]).includes(arg))
    throw new UsageError(
      `gradlab replicate: unknown replication '${arg}'; known: ${REPLICATION_IDS.join(', ')} (gradlab replicate lists them)`,
    );
  return arg as ReplicationId;
}

function scaleOf(values: Record<string, unknown>): ReplicationScale {
  if (values.reduced && values.smallest)
    throw new UsageError('gradlab replicate: give --reduced or --smallest, not both');
  return values.smallest ? 'smallest' : values.reduced ? 'reduced' : 'full';
}

function valueText(v: number | null): string {
  if (v === null) return '—';
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e5)) return v.toExponential(2);
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(4)));
}

/** The JSON a script reads: published and measured keyed by label. */
export function replicationJson(r: Replication) {
  return {
    id: r.id,
    paper: r.paper,
    claim: r.claim,
    published: Object.fromEntries(
      r.published.map((p) => [p.label, { value: p.value, text: p.text, source: p.source, provenance: p.provenance }]),
    ),
    measured: Object.fromEntries(
      (r.result?.measured ?? []).map((m) => [m.label, { value: m.value, ...(m.unit ? { unit: m.unit } : {}) }]),
    ),
    verdict: r.result?.verdict ?? null,
    headline: r.result?.headline ?? null,
    reduced: r.result ? r.result.scale !== 'full' : null,
    scale: r.result?.scale ?? null,
    durationMs: r.result?.durationMs ?? null,
    runIds: r.result?.runIds ?? [],
    error: r.error,
  };
}

function printReplication(io: Io, r: Replication): void {
  io.out(`${r.paper.authors} (${r.paper.year}), "${r.paper.title}", ${r.paper.venue}`);
  io.out(`  claim: ${r.claim}`);
  io.out('  published:');
  for (const p of r.published)
    io.out(
      `    ${p.label}: ${p.value === null ? '(no number quoted)' : valueText(p.value)}  [${p.provenance}] ${p.source}`,
    );
  if (r.error) io.out(`  error: ${r.error}`);
  const res = r.result;
  if (!res) {
    if (!r.error) io.out(`  no result yet: run it with \`gradlab replicate ${r.id} --reduced\``);
    return;
  }
  io.out(`  measured (${res.scale} form, ${formatDuration(res.durationMs)}, finished ${res.finishedAt}):`);
  const width = Math.max(...res.measured.map((m) => m.label.length));
  for (const m of res.measured)
    io.out(`    ${m.label.padEnd(width)}  ${valueText(m.value)}${m.unit ? `  (${m.unit})` : ''}`);
  io.out(`  verdict: ${VERDICT_TEXT[res.verdict]}`);
  io.out(`  ${res.headline}`);
  io.out(`  runs: ${res.runIds.join(',')}`);
}

async function writeFigures(io: Io, lab: Lab, r: Replication, values: Record<string, unknown>): Promise<void> {
  const figures = r.result?.figures ?? [];
  const jobs: { path: string; format: FigureFormat; figure: (typeof figures)[number] }[] = [];
  if (values.figure && figures[0]) {
    const path = resolve(io.cwd, String(values.figure));
    jobs.push({ path, format: formatOf(path, values.format), figure: figures[0] });
  }
  if (values['figure-all']) {
    const dir = resolve(io.cwd, String(values['figure-all']));
    mkdirSync(dir, { recursive: true });
    const format = formatOf('', values.format ?? 'svg');
    figures.forEach((figure, i) =>
      jobs.push({
        path: join(
          dir,
          `${typeof figure.settings.fileName === 'string' ? figure.settings.fileName : `${r.id}-${i + 1}`}.${format}`,
        ),
        format,
        figure,
      }),
    );
  }
  for (const j of jobs) {
    const file = await lab.handlers.exportFigure({
      runIds: j.figure.runIds,
      chart: j.figure.chart,
      format: j.format,
      settings: { title: j.figure.title, ...j.figure.settings },
    });
    writeFileSync(j.path, Buffer.from(file.base64, 'base64'));
    if (!values.json) io.out(`wrote ${j.path} (${j.figure.title})`);
  }
}

/** Runs the replication and waits for its verdict, with progress on stderr. */
async function runAndWait(
  io: Io,
  lab: Lab,
  id: ReplicationId,
  scale: ReplicationScale,
  json: boolean,
): Promise<Replication> {
  let lastPrint = 0;
  let resolveDone!: (r: Replication) => void;
  const done = new Promise<Replication>((res) => (resolveDone = res));
  let started = false;
  const off = lab.subscribe((e: LabEvent) => {
    if (e.type !== 'replication.updated' || e.replication.id !== id) return;
    const r = e.replication;
    if (r.state === 'running' && r.progress) {
      started = true;
      if (json || Date.now() - lastPrint < 10_000) return;
      lastPrint = Date.now();
      io.err(
        `${id}: ${r.progress.done}/${r.progress.total} training steps (${Math.round((100 * r.progress.done) / Math.max(1, r.progress.total))}%)`,
      );
    } else if (started && r.state !== 'running') resolveDone(r);
  });
  const stop = () => void lab.close();
  process.once('SIGINT', stop);
  try {
    const first = await lab.handlers.runReplication({ id, scale });
    started = true;
    if (!json) io.err(`${id} (${scale}): ${first.setup[scale]}`);
    return await done;
  } finally {
    process.off('SIGINT', stop);
    off();
  }
}

export const replicateCommand: Command = {
  name: 'replicate',
  summary:
    'run a classic paper’s result in the lab and print the published figure beside the measured one (no id: list them)',
  usage:
    'gradlab replicate [ID] [--reduced | --smallest] [--show] [--figure FILE] [--figure-all DIR] [--format F] [--db FILE] [--json]',
  options: {
    reduced: { type: 'boolean' },
    smallest: { type: 'boolean' },
    show: { type: 'boolean' },
    figure: { type: 'string' },
    'figure-all': { type: 'string' },
    format: { type: 'string' },
    concurrency: { type: 'string' },
    db: { type: 'string' },
    json: { type: 'boolean' },
  },
  optionHelp: [
    ['--reduced', 'the reduced form (at most 10 minutes on 2 cores; what is reduced is printed with it)'],
    ['--smallest', 'the smallest form (seconds; checks the plumbing, not the paper)'],
    ['--show', 'print the last result without running anything'],
    ['--figure FILE', `write the main figure (format from the extension: ${FIGURE_FORMATS.join(', ')})`],
    ['--figure-all DIR', 'write every figure into DIR (format from --format, default svg)'],
    ['--format F', 'figure format, overriding the extension'],
    ['--concurrency N', 'runs training at once (default: one per spare core, at least one)'],
    ['--db FILE', 'run history database (default: $GRADLAB_DB or ~/.gradlab/lab.db)'],
    ['--json', 'print { id, published, measured, verdict, reduced, runIds, … } (no id: the list)'],
  ],
  async run({ values, positionals }, io) {
    if (positionals.length > 1) throw new UsageError('gradlab replicate: give at most one replication id');
    const json = Boolean(values.json);
    if (positionals.length === 0) {
      return withLab(openCliLab(io, values), async (lab) => {
        const { replications } = await lab.handlers.listReplications({});
        if (json)
          io.out(
            JSON.stringify(
              replications.map((r) => ({ id: r.id, paper: r.paper, claim: r.claim, published: r.published })),
            ),
          );
        else
          for (const r of replications)
            io.out(
              `${r.id.padEnd(24)}  ${`${r.paper.authors.split(',')[0]} ${r.paper.year}`.padEnd(24)}  ${r.result ? VERDICT_TEXT[r.result.verdict] : r.state}`,
            );
        return 0;
      });
    }
    const id = replicationId(positionals[0]!);
    const scale = scaleOf(values);
    if (values.figure) formatOf(String(values.figure), values.format);
    return withLab(openCliLab(io, values), async (lab) => {
      const r = values.show ? await lab.handlers.getReplication({ id }) : await runAndWait(io, lab, id, scale, json);
      if (json) io.out(JSON.stringify(replicationJson(r)));
      else printReplication(io, r);
      if (!values.show && r.state === 'failed') return 1;
      await writeFigures(io, lab, r, values);
      return 0;
    });
  },
};
