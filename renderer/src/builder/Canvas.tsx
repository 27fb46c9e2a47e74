/**
 * The Model canvas, the drop region: task → layer stack → training. Everything on it is a drop target, and each
 * block selects its fields in the inspector. The layers are drawn from model.layers (see blocks.ts).
 */
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import type { ExperimentSpec, FieldIssue } from '../../../core/api';
import { KIND_COLOR, type Block } from './blocks';
import { CANVAS_ID, type TargetData } from './dnd';
import { sectionOf, shownValue, type Draft, type Section } from './draft';
import {
  ACTIVATION_NAMES,
  CELL_NAMES,
  CLIP_NAMES,
  INIT_NAMES,
  OPTIMIZER_NAMES,
  TASK_NAMES,
  nameOf,
  seqLenLabel,
} from './names';
import { dropOutcome, type Selection } from './apply-block';
import { CanvasSlot } from './CanvasSlot';
import { LayerBlock } from './LayerBlock';

export interface CanvasProps {
  draft: Draft;
  normalised: ExperimentSpec | null;
  issues: readonly FieldIssue[];
  layerIds: string[];
  selection: Selection;
  note: string | null;
  onDismissNote: () => void;
  onSelect: (s: Selection) => void;
  onRemoveLayer: (index: number) => void;
  /** The palette block being dragged, if any: a cell drag shows its two targets with what each would do. */
  dragging?: Block | null;
}

export function Canvas({
  draft,
  normalised,
  issues,
  layerIds,
  selection,
  note,
  onDismissNote,
  onSelect,
  onRemoveLayer,
  dragging = null,
}: CanvasProps) {
  const cellDrag = dragging?.kind === 'cell' ? dragging : null;
  const v = (path: string) => shownValue(draft, normalised, path);
  const data: TargetData = { type: 'canvas', label: 'the Model canvas', leaf: false, accepts: [] };
  const { setNodeRef, isOver } = useDroppable({ id: CANVAS_ID, data });
  const count = (s: Section) => issues.filter((i) => sectionOf(i.path) === s).length;
  const is = (s: Section) => selection.section === s;

  const seqLen = v('task.seqLen');
  const taskKind = v('task.kind');
  const taskDetail =
    taskKind === 'smnist'
      ? `${v('task.mode') === 'pixel' ? 'pixel by pixel' : 'row by row'}${v('task.permuted') ? ', permuted' : ''}`
      : seqLen !== undefined
        ? seqLenLabel(taskKind, seqLen)
        : '';
  const cellName = nameOf(CELL_NAMES, v('model.cell'));
  const layerSummary = `${nameOf(ACTIVATION_NAMES, v('model.activation'))} · ${String(v('model.hidden') ?? '?')} units · ${nameOf(INIT_NAMES, v('model.init.recurrent'))} init`;
  const clipMode = v('train.clip.mode');
  const probeEvery = v('probe.every');

  return (
    <section ref={setNodeRef} role="region" aria-label="Model" className={`canvas${isOver ? ' is-over' : ''}`}>
      <div className="canvas-head" aria-hidden="true">
        <span className="canvas-title">Model</span>
        <span className="muted">drop blocks anywhere here · click a block to edit it</span>
      </div>
      <CanvasSlot
        id="slot:task"
        label="the Task block"
        accepts={['task']}
        color={KIND_COLOR.task}
        selected={is('task')}
        name="Task"
        issueCount={count('task')}
        onSelect={() => onSelect({ section: 'task' })}
      >
        <span className="slot-kind">Task</span>
        <span className="slot-title">{nameOf(TASK_NAMES, taskKind)}</span>
        <span className="slot-summary">{taskDetail}</span>
      </CanvasSlot>
      <div className="flow-arrow" aria-hidden="true">
        ↓ xₜ
      </div>
      <div className="layer-stack">
        <div className="layer-list">
          <SortableContext items={layerIds} strategy={verticalListSortingStrategy}>
            <ol aria-label="Layer stack">
              {layerIds.map((id, i) => (
                <LayerBlock
                  key={id}
                  id={id}
                  index={i}
                  count={layerIds.length}
                  cellName={cellName}
                  summary={layerSummary}
                  selected={is('model') && selection.layer === i}
                  issueCount={i === 0 ? count('model') : 0}
                  onSelect={() => onSelect({ section: 'model', layer: i })}
                  onRemove={() => onRemoveLayer(i)}
                />
              ))}
            </ol>
          </SortableContext>
          {cellDrag && (
            // Laid over the layers (no layout shift mid-drag): dropping anywhere on the stack replaces the cell.
            <CanvasSlot
              id="slot:replace-cell"
              label="the replace-the-cell target"
              accepts={['cell']}
              drop="replace-cell"
              color={KIND_COLOR.cell}
              className="replace-cell"
            >
              <span className="slot-kind">Replace the cell</span>
              <span className="slot-title">Make it {cellDrag.label}</span>
              <span className="slot-summary">{dropOutcome(cellDrag, { type: 'replace-cell' }, draft, normalised)}</span>
            </CanvasSlot>
          )}
        </div>
        <CanvasSlot
          id="slot:add-layer"
          label="the add-a-layer target"
          accepts={['cell']}
          drop="add-layer"
          color="transparent"
          className={`add-layer${cellDrag ? ' is-target' : ''}`}
        >
          {cellDrag ? (
            <>
              <span className="slot-kind">Add a layer</span>
              <span className="slot-summary">{dropOutcome(cellDrag, { type: 'add-layer' }, draft, normalised)}</span>
            </>
          ) : (
            '+ Drop a cell here to add a layer'
          )}
        </CanvasSlot>
        {layerIds.length > 1 && (
          <p className="muted layer-note">All layers share one cell, activation and initialiser, as the spec does.</p>
        )}
      </div>
      {note && (
        <div className="canvas-note" role="status">
          <span>{note}</span>
          <button type="button" className="icon-button" aria-label="Dismiss note" onClick={onDismissNote}>
            ✕
          </button>
        </div>
      )}
      <div className="flow-arrow" aria-hidden="true">
        ↓ h_T → readout → loss
      </div>
      <div className="train-row">
        <CanvasSlot
          id="slot:train"
          label="the Training block"
          accepts={['optimizer']}
          color={KIND_COLOR.optimizer}
          selected={is('train')}
          name="Training"
          issueCount={count('train')}
          onSelect={() => onSelect({ section: 'train' })}
        >
          <span className="slot-kind">Training</span>
          <span className="slot-title">{nameOf(OPTIMIZER_NAMES, v('train.optimizer'))}</span>
          <span className="slot-summary">
            lr {String(v('train.lr') ?? '?')} · batch {String(v('train.batch') ?? '?')} ·{' '}
            {String(v('train.steps') ?? '?')} steps · seed {String(v('train.seed') ?? '?')}
          </span>
        </CanvasSlot>
        <CanvasSlot
          id="slot:clip"
          label="the Clipping block"
          accepts={['clip']}
          color={KIND_COLOR.clip}
          selected={is('clip')}
          name="Clipping"
          issueCount={count('clip')}
          onSelect={() => onSelect({ section: 'clip' })}
        >
          <span className="slot-kind">Clipping</span>
          <span className="slot-title">{nameOf(CLIP_NAMES, clipMode)}</span>
          <span className="slot-summary">
            {clipMode === 'none' ? 'gradients as computed' : `threshold ${String(v('train.clip.threshold') ?? '?')}`}
          </span>
        </CanvasSlot>
        <CanvasSlot
          id="slot:probe"
          label="the Gradient probe block"
          accepts={[]}
          color="#000000"
          selected={is('probe')}
          name="Gradient probe"
          issueCount={count('probe')}
          onSelect={() => onSelect({ section: 'probe' })}
        >
          <span className="slot-kind">Gradient probe</span>
          <span className="slot-title">{probeEvery === 0 ? 'Off' : `Every ${String(probeEvery ?? '?')} steps`}</span>
          <span className="slot-summary">
            ‖∂L/∂hₜ‖ for every t{v('probe.source') === 'train' ? ', from the training pass' : ''}
          </span>
        </CanvasSlot>
      </div>
    </section>
  );
}
