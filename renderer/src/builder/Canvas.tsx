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
import { useT } from '../i18n';

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
  const t = useT('builder');
  const cellDrag = dragging?.kind === 'cell' ? dragging : null;
  const v = (path: string) => shownValue(draft, normalised, path);
  const data: TargetData = { type: 'canvas', label: t('canvas.target'), leaf: false, accepts: [] };
  const { setNodeRef, isOver } = useDroppable({ id: CANVAS_ID, data });
  const count = (s: Section) => issues.filter((i) => sectionOf(i.path) === s).length;
  const is = (s: Section) => selection.section === s;

  const seqLen = v('task.seqLen');
  const taskKind = v('task.kind');
  const taskDetail =
    taskKind === 'smnist'
      ? `${v('task.mode') === 'pixel' ? t('canvas.pixel') : t('canvas.row')}${v('task.permuted') ? t('canvas.permuted') : ''}`
      : seqLen !== undefined
        ? seqLenLabel(taskKind, seqLen)
        : '';
  const cellName = nameOf(CELL_NAMES, v('model.cell'));
  const layerSummary = t('canvas.layerSummary', {
    activation: nameOf(ACTIVATION_NAMES, v('model.activation')),
    hidden: String(v('model.hidden') ?? '?'),
    init: nameOf(INIT_NAMES, v('model.init.recurrent')),
  });
  const clipMode = v('train.clip.mode');
  const optimizerName = nameOf(OPTIMIZER_NAMES, v('train.optimizer'));
  const replaceOutcome = cellDrag ? dropOutcome(cellDrag, { type: 'replace-cell' }, draft, normalised) : '';
  const addOutcome = cellDrag ? dropOutcome(cellDrag, { type: 'add-layer' }, draft, normalised) : '';
  const probeEvery = v('probe.every');

  return (
    <section
      ref={setNodeRef}
      role="region"
      aria-label={t('canvas.label')}
      className={`canvas${isOver ? ' is-over' : ''}`}
    >
      <div className="canvas-head" aria-hidden="true">
        <span className="canvas-title">{t('canvas.title')}</span>
        <span className="muted">{t('canvas.help')}</span>
      </div>
      <CanvasSlot
        id="slot:task"
        label={t('canvas.taskTarget')}
        accepts={['task']}
        color={KIND_COLOR.task}
        selected={is('task')}
        name={t('canvas.task')}
        issueCount={count('task')}
        onSelect={() => onSelect({ section: 'task' })}
      >
        <span className="slot-kind">{t('canvas.task')}</span>
        <span className="slot-title">{nameOf(TASK_NAMES, taskKind)}</span>
        <span className="slot-summary">{taskDetail}</span>
      </CanvasSlot>
      <div className="flow-arrow" aria-hidden="true">
        {t('canvas.flowIn')}
      </div>
      <div className="layer-stack">
        <div className="layer-list">
          <SortableContext items={layerIds} strategy={verticalListSortingStrategy}>
            <ol aria-label={t('canvas.layerStack')}>
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
              label={t('canvas.replaceTarget')}
              accepts={['cell']}
              drop="replace-cell"
              color={KIND_COLOR.cell}
              className="replace-cell"
            >
              <span className="slot-kind">{t('canvas.replaceCell')}</span>
              <span className="slot-title">{t('canvas.makeIt', { block: cellDrag.label })}</span>
              <span className="slot-summary">{replaceOutcome}</span>
            </CanvasSlot>
          )}
        </div>
        <CanvasSlot
          id="slot:add-layer"
          label={t('canvas.addTarget')}
          accepts={['cell']}
          drop="add-layer"
          color="transparent"
          className={`add-layer${cellDrag ? ' is-target' : ''}`}
        >
          {cellDrag ? (
            <>
              <span className="slot-kind">{t('canvas.addLayer')}</span>
              <span className="slot-summary">{addOutcome}</span>
            </>
          ) : (
            t('canvas.dropCell')
          )}
        </CanvasSlot>
        {layerIds.length > 1 && <p className="muted layer-note">{t('canvas.shared')}</p>}
      </div>
      {note && (
        <div className="canvas-note" role="status">
          <span>{note}</span>
          <button type="button" className="icon-button" aria-label={t('canvas.dismiss')} onClick={onDismissNote}>
            ✕
          </button>
        </div>
      )}
      <div className="flow-arrow" aria-hidden="true">
        {t('canvas.flowOut')}
      </div>
      <div className="train-row">
        <CanvasSlot
          id="slot:train"
          label={t('canvas.trainTarget')}
          accepts={['optimizer']}
          color={KIND_COLOR.optimizer}
          selected={is('train')}
          name={t('canvas.training')}
          issueCount={count('train')}
          onSelect={() => onSelect({ section: 'train' })}
        >
          <span className="slot-kind">{t('canvas.training')}</span>
          <span className="slot-title">{optimizerName}</span>
          <span className="slot-summary">
            {t('canvas.trainSummary', {
              lr: String(v('train.lr') ?? '?'),
              batch: String(v('train.batch') ?? '?'),
              steps: String(v('train.steps') ?? '?'),
              seed: String(v('train.seed') ?? '?'),
            })}
          </span>
        </CanvasSlot>
        <CanvasSlot
          id="slot:clip"
          label={t('canvas.clipTarget')}
          accepts={['clip']}
          color={KIND_COLOR.clip}
          selected={is('clip')}
          name={t('canvas.clipping')}
          issueCount={count('clip')}
          onSelect={() => onSelect({ section: 'clip' })}
        >
          <span className="slot-kind">{t('canvas.clipping')}</span>
          <span className="slot-title">{nameOf(CLIP_NAMES, clipMode)}</span>
          <span className="slot-summary">
            {clipMode === 'none'
              ? t('canvas.asComputed')
              : t('canvas.threshold', { threshold: String(v('train.clip.threshold') ?? '?') })}
          </span>
        </CanvasSlot>
        <CanvasSlot
          id="slot:probe"
          label={t('canvas.probeTarget')}
          accepts={[]}
          color="#000000"
          selected={is('probe')}
          name={t('canvas.probe')}
          issueCount={count('probe')}
          onSelect={() => onSelect({ section: 'probe' })}
        >
          <span className="slot-kind">{t('canvas.probe')}</span>
          <span className="slot-title">
            {probeEvery === 0 ? t('canvas.off') : t('canvas.every', { n: String(probeEvery ?? '?') })}
          </span>
          <span className="slot-summary">
            {t('canvas.probeSummary', { fromTrain: v('probe.source') === 'train' ? 'yes' : 'no' })}
          </span>
        </CanvasSlot>
      </div>
    </section>
  );
}
