import {
  FIGURE_FORMATS,
  REPLICATION_IDS,
  type Lang,
  type LabEvent,
  type Placement,
  type Replication,
  type ReplicationId,
  type ReplicationScale,
  type ReplicationVerdict,
} from '../../../core/api';
import type { Lab } from '../../../core/lab/lab';
import type { Command, Io } from '../command';
import { formatOf, LANG_HELP, CONTENT_OPTIONS, langOf, valueText, writeResultFigures } from '../content-figures';
import { openCliLab, withLab } from '../open-lab';
import { formatDuration } from '../../../core/shared/format';
import { UsageError } from '../usage-error';
import { BROKER_HELP, openBroker } from '../broker-flag';

const VERDICT_TEXT: Record<Lang, Record<ReplicationVerdict, string>> = {
  en: { reproduced: 'REPRODUCED', partly: 'PARTLY REPRODUCED', not_reproduced: 'NOT REPRODUCED' },
  'zh-CN': { reproduced: '已复现', partly: '部分复现', not_reproduced: '未复现' },
};

/** The words around the record's own text, in the chosen language. */
const WORDS = {
  en: {
    claim: 'claim',
    published: 'published',
    noNumber: '(no number quoted)',
    error: 'error',
    noResult: (id: string) => `no result yet: run it with \`gradlab replicate ${id} --reduced\``,
    measured: (scale: string, took: string, at: string) => `measured (${scale} form, ${took}, finished ${at})`,
    verdict: 'verdict',
    runs: 'runs',
  },
  'zh-CN': {
    claim: '论断',
    published: '论文报告',
    noNumber: '（未引用数字）',
    error: '错误',
    noResult: (id: string) => `尚无结果：用 \`gradlab replicate ${id} --reduced\` 运行`,
    measured: (scale: string, took: string, at: string) =>
      `实测（${{ full: '完整', reduced: '缩减', smallest: '最小' }[scale] ?? scale}形式，用时 ${took}，完成于 ${at}）`,
    verdict: '结论',
    runs: '运行',
  },
} as const;

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

/** The JSON a script reads: published and measured keyed by their English label, texts in the chosen language. */
export function replicationJson(r: Replication, lang: Lang = 'en') {
  return {
    id: r.id,
    paper: r.paper,
    claim: r.claim[lang],
    published: Object.fromEntries(
      r.published.map((p) => [
        p.label.en,
        { value: p.value, text: p.text[lang], source: p.source, provenance: p.provenance },
      ]),
    ),
    measured: Object.fromEntries(
      (r.result?.measured ?? []).map((m) => [
        m.label.en,
        { value: m.value, ...(m.unit ? { unit: m.unit[lang] } : {}) },
      ]),
    ),
    verdict: r.result?.verdict ?? null,
    headline: r.result?.headline[lang] ?? null,
    reduced: r.result ? r.result.scale !== 'full' : null,
    scale: r.result?.scale ?? null,
    durationMs: r.result?.durationMs ?? null,
    runIds: r.result?.runIds ?? [],
    error: r.error,
  };
}

function printReplication(io: Io, r: Replication, lang: Lang): void {
  const w = WORDS[lang];
  const sep = lang === 'zh-CN' ? '：' : ': ';
  io.out(`${r.paper.authors} (${r.paper.year}), "${r.paper.title}", ${r.paper.venue}`);
  io.out(`  ${w.claim}${sep}${r.claim[lang]}`);
  io.out(`  ${w.published}${lang === 'zh-CN' ? '：' : ':'}`);
  for (const p of r.published)
    io.out(
      `    ${p.label[lang]}${sep}${p.value === null ? w.noNumber : valueText(p.value, 4)}  [${p.provenance}] ${p.source}`,
    );
  if (r.error) io.out(`  ${w.error}${sep}${r.error}`);
  const res = r.result;
  if (!res) {
    if (!r.error) io.out(`  ${w.noResult(r.id)}`);
    return;
  }
  io.out(`  ${w.measured(res.scale, formatDuration(res.durationMs), res.finishedAt)}${lang === 'zh-CN' ? '：' : ':'}`);
  const width = Math.max(...res.measured.map((m) => m.label[lang].length));
  for (const m of res.measured)
    io.out(`    ${m.label[lang].padEnd(width)}  ${valueText(m.value, 4)}${m.unit ? `  (${m.unit[lang]})` : ''}`);
  io.out(`  ${w.verdict}${sep}${VERDICT_TEXT[lang][res.verdict]}`);
  io.out(`  ${res.headline[lang]}`);
  io.out(`  ${w.runs}${sep}${res.runIds.join(',')}`);
}

/** Runs the replication and waits for its verdict, with progress on stderr. */
async function runAndWait(
  io: Io,
  lab: Lab,
  id: ReplicationId,
  scale: ReplicationScale,
  json: boolean,
  lang: Lang,
  placement: Placement,
): Promise<Replication> {
  let lastPrint = 0;
  let resolveDone!: (r: Replication) => void;
  const done = new Promise<Replication>((res) => (resolveDone = res));
  let started = false;
  const off = lab.subscribe((e: LabEvent) => {
    if (e.type !== 'replication.updated' || e.replication.id !== id) return;
    const r = e.replication;
    if (r.state === 'running' && r.waiting) {
      started = true;
      if (json || Date.now() - lastPrint < 10_000) return;
      lastPrint = Date.now();
      io.err(`${id}: waiting for a worker of the cluster`);
    } else if (r.state === 'running' && r.progress) {
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
    const first = await lab.handlers.runReplication({ id, scale, placement });
    started = true;
    if (!json) io.err(`${id} (${scale}): ${first.setup[scale][lang]}`);
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
    'gradlab replicate [ID] [--reduced | --smallest] [--show] [--lang en|zh-CN] [--figure FILE] [--figure-all DIR] [--format F] [--db FILE] [--broker URL] [--json]',
  options: {
    reduced: { type: 'boolean' },
    smallest: { type: 'boolean' },
    broker: { type: 'string' },
    ...CONTENT_OPTIONS,
  },
  optionHelp: [
    ['--reduced', 'the reduced form (at most 10 minutes on 2 cores; what is reduced is printed with it)'],
    ['--smallest', 'the smallest form (seconds; checks the plumbing, not the paper)'],
    ['--show', 'print the last result without running anything'],
    LANG_HELP,
    ['--figure FILE', `write the main figure (format from the extension: ${FIGURE_FORMATS.join(', ')})`],
    ['--figure-all DIR', 'write every figure into DIR (format from --format, default svg)'],
    ['--format F', 'figure format, overriding the extension'],
    ['--concurrency N', 'runs training at once (default: one per spare core, at least one)'],
    ['--db FILE', 'run history database (default: $GRADLAB_DB or ~/.gradlab/lab.db)'],
    [BROKER_HELP[0], `${BROKER_HELP[1]}: the runs train on the cluster's workers, not on this machine`],
    ['--json', 'print { id, published, measured, verdict, reduced, runIds, … } (no id: the list)'],
  ],
  async run({ values, positionals }, io) {
    if (positionals.length > 1) throw new UsageError('gradlab replicate: give at most one replication id');
    const json = Boolean(values.json);
    const lang = langOf('replicate', values.lang);
    if (positionals.length === 0) {
      return withLab(openCliLab(io, values), async (lab) => {
        const { replications } = await lab.handlers.listReplications({});
        if (json)
          io.out(
            JSON.stringify(
              replications.map((r) => ({
                id: r.id,
                paper: r.paper,
                claim: r.claim[lang],
                published: r.published.map((p) => ({ ...p, label: p.label[lang], text: p.text[lang] })),
              })),
            ),
          );
        else
          for (const r of replications)
            io.out(
              `${r.id.padEnd(24)}  ${`${r.paper.authors.split(',')[0]} ${r.paper.year}`.padEnd(24)}  ${r.result ? VERDICT_TEXT[lang][r.result.verdict] : r.state}`,
            );
        return 0;
      });
    }
    const id = replicationId(positionals[0]!);
    const scale = scaleOf(values);
    if (values.figure) formatOf('replicate', String(values.figure), values.format);
    const broker = values.show ? null : await openBroker(values.broker, io, false, 'gradlab replicate');
    const placement: Placement = broker ? 'cluster' : 'local';
    return withLab(openCliLab(io, values, 'cli', broker?.url ?? null), async (lab) => {
      const r = values.show
        ? await lab.handlers.getReplication({ id })
        : await runAndWait(io, lab, id, scale, json, lang, placement);
      if (json) io.out(JSON.stringify(replicationJson(r, lang)));
      else printReplication(io, r, lang);
      if (!values.show && r.state === 'failed') return 1;
      await writeResultFigures(io, lab, r.result?.figures ?? [], {
        command: 'replicate',
        values,
        fallbackName: (i) => `${r.id}-${i + 1}`,
        lang,
        report: !json,
      });
      return 0;
    });
  },
};
