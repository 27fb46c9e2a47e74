/**
 * Start run / Start sweep. Both ask the host to validate the draft once more (the debounced check may be
 * a keystroke behind), then start; refusals and errors are shown here, in words, never swallowed.
 */
import { useState } from 'react';
import type { ExperimentSpec, Placement } from '../../../core/api';
import { getLab } from '../api/lab';
import type { Draft } from './draft';
import { autoName } from './auto-name';
import { activeGrid, describeGrid, runCount, type Grid } from './sweep-grid';
import type { ValidateNow } from './useSpecValidation';
import type { Validation } from './useSpecValidation';
import { useT } from '../i18n';
import { useErrorText } from '../ui/useErrorText';
import { PlacementChoice } from '../cluster/PlacementChoice';

export interface StartedRuns {
  runIds: string[];
  sweepId?: string;
}

export interface RunActionsProps {
  draft: Draft;
  validation: Validation;
  validateNow: ValidateNow;
  grid: Grid;
  gridOpen: boolean;
  onToggleGrid: () => void;
  /** The draft has problems: show the first one's block. */
  onInvalid: (firstPath: string) => void;
  onStarted: (started: StartedRuns) => void;
}

export function RunActions({
  draft,
  validation,
  validateNow,
  grid,
  gridOpen,
  onToggleGrid,
  onInvalid,
  onStarted,
}: RunActionsProps) {
  const t = useT('builder');
  const errorText = useErrorText();
  const [busy, setBusy] = useState<'run' | 'sweep' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [placement, setPlacement] = useState<Placement>('local');
  const count = runCount(grid);

  const checked = async (): Promise<ExperimentSpec | null> => {
    const r = await validateNow(draft);
    if (r.ok && r.spec) return draft.name === undefined ? { ...r.spec, name: autoName(r.spec) } : r.spec;
    setMessage(t('run.notStarted', { count: r.issues.length }));
    if (r.issues[0]) onInvalid(r.issues[0].path);
    return null;
  };

  const start = async (kind: 'run' | 'sweep') => {
    setMessage(null);
    if (kind === 'sweep' && count === 0) {
      if (!gridOpen) onToggleGrid();
      setMessage(t('run.tickGrid'));
      return;
    }
    setBusy(kind);
    try {
      const spec = await checked();
      if (!spec) return;
      if (kind === 'run') {
        const run = await getLab().startRun({ spec, placement });
        onStarted({ runIds: [run.id] });
      } else {
        const sweep = await getLab().startSweep({ name: spec.name, base: spec, grid: activeGrid(grid), placement });
        onStarted({ runIds: sweep.runs.map((r) => r.id), sweepId: sweep.sweepId });
      }
    } catch (e) {
      setMessage(
        kind === 'run'
          ? t('run.couldNotStartRun', { error: errorText(e) })
          : t('run.couldNotStartSweep', { error: errorText(e) }),
      );
    } finally {
      setBusy(null);
    }
  };

  const invalid = validation.state === 'invalid';
  return (
    <div className="run-actions">
      <div className="run-actions-row">
        <button
          type="button"
          className="primary"
          disabled={busy !== null}
          aria-describedby="run-actions-state"
          onClick={() => start('run')}
        >
          {busy === 'run' ? t('run.starting') : t('run.startRun')}
        </button>
        <button
          type="button"
          disabled={busy !== null}
          aria-describedby="run-actions-grid"
          onClick={() => start('sweep')}
        >
          {busy === 'sweep' ? t('run.starting') : t('run.startSweep')}
        </button>
        <button
          type="button"
          className="link"
          aria-expanded={gridOpen}
          aria-controls="sweep-grid-panel"
          onClick={onToggleGrid}
        >
          {gridOpen ? t('run.hideGrid') : t('run.editGrid')}
        </button>
        <span id="run-actions-grid" className="muted">
          {describeGrid(grid)}
        </span>
        <span id="run-actions-state" className={`spec-state spec-${validation.state}`} role="status">
          {validation.state === 'ok' && t('run.valid')}
          {validation.state === 'pending' && t('run.checking')}
          {invalid && t('issues', { count: validation.issues.length })}
          {validation.state === 'error' && t('run.cannotCheck', { error: validation.error ?? '' })}
        </span>
      </div>
      <PlacementChoice value={placement} onChange={setPlacement} />
      {message && (
        <p role="alert" className="run-actions-message">
          {message}
        </p>
      )}
    </div>
  );
}
