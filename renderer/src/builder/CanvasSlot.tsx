/** A selectable block of the canvas (task, training, clipping, probe, "add a layer") that is also a drop target. */
import { useDroppable } from '@dnd-kit/core';
import { useId, type ReactNode } from 'react';
import type { TargetData } from './dnd';
import type { BlockKind } from './blocks';
import { useT } from '../i18n';

export interface CanvasSlotProps {
  id: string;
  /** Names the target in drag announcements ("over the Task block"). */
  label: string;
  color: string;
  /** Block kinds this slot is the drop target for (see dnd.ts). */
  accepts: readonly BlockKind[];
  selected?: boolean;
  issueCount?: number;
  /** Without it the slot is a drop target only (the "add a layer" slot). */
  onSelect?: () => void;
  /** The select button's accessible name ("Task"); its visible details become its description. */
  name?: string;
  className?: string;
  /** The cell target this slot is, if any (see dnd.ts). */
  drop?: 'replace-cell' | 'add-layer';
  children: ReactNode;
}

export function CanvasSlot({
  id,
  label,
  color,
  accepts,
  selected,
  issueCount = 0,
  onSelect,
  name,
  className,
  drop,
  children,
}: CanvasSlotProps) {
  const detailsId = useId();
  const data: TargetData = { type: 'canvas', label, leaf: true, accepts, ...(drop ? { drop } : {}) };
  const { setNodeRef, isOver } = useDroppable({ id, data });
  const classes = ['canvas-slot', className, selected ? 'is-selected' : '', isOver ? 'is-over' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div ref={setNodeRef} className={classes} style={{ borderLeftColor: color }}>
      {onSelect ? (
        // A short name keeps palette names unique ("Adam" names the palette block, not this one); the details describe it.
        <button
          type="button"
          className="slot-select"
          aria-pressed={selected}
          aria-label={name}
          aria-describedby={name ? detailsId : undefined}
          onClick={onSelect}
        >
          <span id={detailsId} className="slot-content">
            {children}
            {issueCount > 0 && <IssueBadge count={issueCount} />}
          </span>
        </button>
      ) : (
        <div className="slot-select">{children}</div>
      )}
    </div>
  );
}

export function IssueBadge({ count }: { count: number }) {
  const t = useT('builder');
  return (
    <span className="issue-badge" aria-label={t('issues', { count })}>
      {count}
    </span>
  );
}
