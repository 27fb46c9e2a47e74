/** A run's status as a chip: colour for scanning, a glyph and the word so it never relies on colour alone. */
import type { RunStatus } from '../../../core/api/records';
import { useT } from '../i18n';

/** The catalog key of each status word. */
export const STATUS_KEYS = {
  queued: 'status.queued',
  running: 'status.running',
  completed: 'status.completed',
  stopped: 'status.stopped',
  diverged: 'status.diverged',
  failed: 'status.failed',
  interrupted: 'status.interrupted',
  imported: 'status.imported',
} as const satisfies Record<RunStatus, string>;

const GLYPH: Record<RunStatus, string> = {
  queued: '○',
  running: '▶',
  completed: '✓',
  stopped: '■',
  diverged: '↯',
  failed: '✕',
  interrupted: '‖',
  imported: '⇩',
};

export interface StatusChipProps {
  status: RunStatus;
  /** Steps done / total, shown for running runs. */
  progress?: { done: number; total: number } | undefined;
  /** Why it failed or where it diverged, as a tooltip. */
  detail?: string | undefined;
}

export function StatusChip({ status, progress, detail }: StatusChipProps) {
  const t = useT('runs');
  const pct = progress && progress.total > 0 ? Math.min(100, (100 * progress.done) / progress.total) : null;
  return (
    <span className={`status-chip status-${status}`} title={detail}>
      <span aria-hidden="true" className="status-glyph">
        {GLYPH[status]}
      </span>
      {t(STATUS_KEYS[status])}
      {status === 'running' && pct !== null && (
        <>
          <span className="status-pct">{pct.toFixed(0)}%</span>
          <span className="status-bar" aria-hidden="true">
            <span style={{ width: `${pct}%` }} />
          </span>
        </>
      )}
    </span>
  );
}
