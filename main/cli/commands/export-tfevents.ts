/** `gradlab runs export --format tfevents --out DIR`: runs as a TensorBoard log directory. */
import { resolve } from 'node:path';
import { toWire } from '../../../core/shared/wire';
import type { Lab } from '../../../core/lab/lab';
import type { Io } from '../command';
import { UsageError } from '../usage-error';

export async function exportTfevents(
  lab: Lab,
  values: Record<string, unknown>,
  runIds: string[],
  io: Io,
): Promise<number> {
  if (!values.out) throw new UsageError('gradlab runs export --format tfevents: --out DIR is required');
  if (!values.sweep && runIds.length === 0)
    throw new UsageError('gradlab runs export --format tfevents: give run ids or --sweep ID');
  const directory = resolve(io.cwd, String(values.out));
  const report = await lab.handlers.exportTensorBoard({
    directory,
    ...(runIds.length ? { runIds } : {}),
    ...(values.sweep ? { sweepId: String(values.sweep) } : {}),
  });
  if (values.json) {
    io.out(toWire(report));
    return 0;
  }
  for (const r of report.runs)
    io.out(
      `${r.runId}  ${r.directory}: ${r.tags} tags, ${r.points} points, ${r.histograms} profile histograms (${r.bytes} bytes)`,
    );
  io.out(
    `wrote ${report.runs.length} run(s), ${report.bytes} bytes, to ${directory}; view with: tensorboard --logdir ${directory}`,
  );
  return 0;
}
