/** One row of the Runs table. Numbers are monospace and right-aligned so magnitudes line up down a column. */
import type { RunSummary } from '../../../core/api/records';
import { formatDate } from './format';
import { formatMetric } from '../../../core/shared/format';
import { StatusChip } from './StatusChip';
import type { LiveProgress } from './useRunList';
import { useT } from '../i18n';
import { useLang } from '../i18n/useLang';
import { ACTIVATION_NAMES, CELL_NAMES, INIT_NAMES, TASK_NAMES, nameOf } from '../builder/names';

export interface RunRowProps {
  run: RunSummary;
  live: LiveProgress | undefined;
  selected: boolean;
  active: boolean;
  onSelect: (on: boolean) => void;
  onOpen: () => void;
  onDetails: () => void;
}

const MAX_TAGS = 3;

function statusDetail(run: RunSummary, t: ReturnType<typeof useT<'runs'>>): string | undefined {
  if (run.divergence) return t('table.divergedAt', { step: run.divergence.step, tensor: run.divergence.tensor });
  if (run.error) return run.error;
  return undefined;
}

export function RunRow({ run, live, selected, active, onSelect, onOpen, onDetails }: RunRowProps) {
  const t = useT('runs');
  const lang = useLang();
  const running = run.status === 'running';
  const progress = running
    ? { done: live?.stepsDone ?? run.stepsDone, total: live?.stepsTotal ?? run.stepsTotal }
    : undefined;
  const liveLoss = running && run.final.loss === undefined ? live?.loss : undefined;
  const extraTags = run.tags.length - MAX_TAGS;
  return (
    <tr className={`${selected ? 'row-selected' : ''} ${active ? 'row-active' : ''}`}>
      <td className="col-check">
        <input
          type="checkbox"
          aria-label={t('table.select', { name: run.name })}
          checked={selected}
          onChange={(e) => onSelect(e.target.checked)}
        />
      </td>
      <td className="col-name">
        <button
          type="button"
          className="run-name"
          onClick={onOpen}
          title={t('table.open', { name: run.name, id: run.id })}
        >
          {run.name}
        </button>
        {run.note && (
          <span className="note-mark" title={run.note} aria-label={t('table.hasNote')}>
            ✎
          </span>
        )}
      </td>
      <td>{nameOf(TASK_NAMES, run.task)}</td>
      <td>{nameOf(CELL_NAMES, run.cell)}</td>
      <td>{nameOf(ACTIVATION_NAMES, run.activation)}</td>
      <td className="col-init">{nameOf(INIT_NAMES, run.init)}</td>
      <td className="col-clip">{run.clip}</td>
      <td>
        <StatusChip status={run.status} progress={progress} detail={statusDetail(run, t)} />
      </td>
      <td className="num">
        {liveLoss !== undefined ? (
          <span className="live-value" title={t('table.liveLoss')}>
            {formatMetric(liveLoss)}
          </span>
        ) : (
          formatMetric(run.final.loss)
        )}
      </td>
      <td className="num">{run.final.horizon === undefined ? '—' : formatMetric(run.final.horizon, 6)}</td>
      <td className="num col-date">{formatDate(run.createdAt, lang)}</td>
      <td className="col-tags">
        {run.tags.slice(0, MAX_TAGS).map((tag) => (
          <span key={tag} className="tag-chip">
            {tag}
          </span>
        ))}
        {extraTags > 0 && (
          <span className="tag-more" title={run.tags.slice(MAX_TAGS).join(', ')}>
            +{extraTags}
          </span>
        )}
      </td>
      <td className="col-actions">
        <button
          type="button"
          className="act-btn act-small"
          aria-label={t('table.detailsOf', { name: run.name })}
          aria-expanded={active}
          onClick={onDetails}
        >
          {t('table.details')}
        </button>
      </td>
    </tr>
  );
}
