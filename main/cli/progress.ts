/** A one-line progress display for `gradlab train` on a terminal (plain lines elsewhere). */
import type { StepMetrics } from '../../core/api';
import { formatDuration } from '../../core/shared/format';

export function progressLine(last: StepMetrics, total: number, width = 28): string {
  const frac = Math.min(1, last.step / total);
  const filled = Math.round(frac * width);
  const rate = last.wallMs > 0 ? last.step / (last.wallMs / 1000) : 0;
  const eta = rate > 0 ? ((total - last.step) / rate) * 1000 : Number.NaN;
  const held = last.heldoutLoss !== undefined ? ` held-out ${last.heldoutLoss.toPrecision(4)}` : '';
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${last.step}/${total} loss ${last.loss.toPrecision(4)}${held} |g| ${last.gradNorm.toPrecision(3)} ${rate.toFixed(1)} steps/s ETA ${formatDuration(eta)}`;
}
