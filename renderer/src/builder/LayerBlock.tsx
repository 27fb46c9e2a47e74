/** One layer of the stack: select it, reorder it by its handle (mouse or keyboard), or remove it. */
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { KIND_COLOR } from './blocks';
import type { DragData, TargetData } from './dnd';
import { IssueBadge } from './CanvasSlot';
import { useT } from '../i18n';

export interface LayerBlockProps {
  id: string;
  index: number;
  count: number;
  /** "GRU · tanh · 64 units · Orthogonal". */
  summary: string;
  cellName: string;
  selected: boolean;
  issueCount: number;
  onSelect: () => void;
  onRemove: () => void;
}

export function LayerBlock({
  id,
  index,
  count,
  summary,
  cellName,
  selected,
  issueCount,
  onSelect,
  onRemove,
}: LayerBlockProps) {
  const t = useT('builder');
  const label = t('layer.name', { n: index + 1 });
  const data: DragData & TargetData = { type: 'layer', index, label };
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging, isOver } =
    useSortable({ id, data });
  const style = { transform: CSS.Translate.toString(transform), transition, borderLeftColor: KIND_COLOR.cell };
  const classes = [
    'layer-block',
    selected ? 'is-selected' : '',
    isDragging ? 'is-dragging' : '',
    isOver ? 'is-over' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <li ref={setNodeRef} className={classes} style={style}>
      <button
        type="button"
        ref={setActivatorNodeRef}
        className="layer-handle"
        {...attributes}
        {...listeners}
        aria-label={t('layer.reorder', { layer: label })}
        title={t('layer.dragHint')}
      >
        ⠿
      </button>
      <button
        type="button"
        className="slot-select layer-select"
        aria-pressed={selected}
        aria-label={label}
        aria-describedby={`${id}-details`}
        onClick={onSelect}
      >
        <span className="slot-kind">{label}</span>
        <span id={`${id}-details`} className="slot-content">
          <span className="layer-cell">{cellName}</span>
          <span className="slot-summary">{summary}</span>
          {issueCount > 0 && <IssueBadge count={issueCount} />}
        </span>
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={t('layer.remove', { layer: label })}
        title={count > 1 ? t('layer.remove', { layer: label }) : t('layer.needOne')}
        disabled={count <= 1}
        onClick={onRemove}
      >
        ✕
      </button>
    </li>
  );
}
