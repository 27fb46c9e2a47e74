/**
 * The Builder tab: palette left, Model canvas centre, inspector right. Blocks move by mouse or keyboard
 * (dnd-kit's keyboard sensor: Space, arrows, Space), and every drop says what it will do before it happens.
 */
import { useState } from 'react';
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { describeDrop, type DropTarget } from './apply-block';
import { collision, dragData, dropTargetOf, keyboardCoordinates, targetData, type DragData } from './dnd';
import { sectionOf } from './draft';
import { useBuilderState } from './useBuilderState';
import { Palette, DragPreview } from './Palette';
import { Canvas } from './Canvas';
import { Inspector } from './Inspector';
import { RunActions, type StartedRuns } from './RunActions';
import { SweepGrid } from './SweepGrid';
import { PresetsDialog } from './PresetsDialog';
import { SpecJsonDialog } from './SpecJsonDialog';
import { TextField } from '../ui/fields';
import { autoName } from './auto-name';

export interface BuilderProps {
  /** A run or sweep started: the app switches to its live view. */
  onStarted: (started: StartedRuns) => void;
}

export function Builder({ onStarted }: BuilderProps) {
  const s = useBuilderState();
  const [drag, setDrag] = useState<DragData | null>(null);
  const [over, setOver] = useState<DropTarget | null>(null);
  const [dialog, setDialog] = useState<'presets' | 'json' | null>(null);
  const [gridOpen, setGridOpen] = useState(false);

  const sensors = useSensors(
    // A few pixels of travel before a drag starts, so a click on a block still selects it.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: keyboardCoordinates }),
  );

  const onDragStart = (e: DragStartEvent) => {
    setDrag(dragData(e.active) ?? null);
    setOver(null);
  };
  const onDragOver = (e: DragOverEvent) => setOver(dropTargetOf(e.over));
  const onDragEnd = (e: DragEndEvent) => {
    const d = dragData(e.active);
    setDrag(null);
    setOver(null);
    if (!d) return;
    if (d.type === 'palette') {
      const target = dropTargetOf(e.over);
      if (target) s.drop(d.block, target);
      return;
    }
    const to = targetData(e.over);
    if (to?.type === 'layer' && to.index !== d.index) s.moveLayer(d.index, to.index);
  };

  const hint = drag?.type === 'palette' ? describeDrop(drag.block, over, s.draft, s.normalised) : '';
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      const d = dragData(active);
      if (d?.type === 'layer')
        return `Picked up layer ${d.index + 1}. Arrow keys move it up or down; Space drops it, Escape cancels.`;
      return d
        ? `Picked up ${d.block.label}. Arrow keys move it between the blocks of the Model canvas; Space drops it, Escape cancels.`
        : undefined;
    },
    onDragOver: ({ active, over: o }) => {
      const d = dragData(active);
      const t = targetData(o);
      if (!d || !t) return d ? 'Not over a drop target.' : undefined;
      if (d.type === 'layer') return `Over ${t.label}.`;
      return `Over ${t.label}: ${describeDrop(d.block, dropTargetOf(o), s.draft, s.normalised)}.`;
    },
    onDragEnd: ({ active, over: o }) => {
      const d = dragData(active);
      if (!d) return undefined;
      if (!o)
        return `Dropped ${d.type === 'palette' ? d.block.label : 'the layer'} where it has no target: nothing changed.`;
      return d.type === 'palette'
        ? `${describeDrop(d.block, dropTargetOf(o), s.draft, s.normalised)}: done.`
        : `Moved the layer.`;
    },
    onDragCancel: ({ active }) => {
      const d = dragData(active);
      return d ? `Cancelled: ${d.type === 'palette' ? d.block.label : 'the layer'} was not dropped.` : undefined;
    },
  };

  const nameIssue = s.validation.issues.find((i) => i.path === 'name')?.message;
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collision}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDragEnd={onDragEnd}
      onDragCancel={() => {
        setDrag(null);
        setOver(null);
      }}
      accessibility={{
        announcements,
        screenReaderInstructions: {
          draggable:
            'To move this block, press Space or Enter. Arrow keys move it between drop targets; Space or Enter drops it; Escape cancels.',
        },
      }}
    >
      <div className="builder">
        <Palette />
        <div className="builder-centre">
          <div className="builder-toolbar">
            <TextField
              label="Run name"
              value={s.draft.name ?? ''}
              // Left empty, the run is named after its spec (the placeholder shows how).
              placeholder={autoName(s.normalised)}
              onChange={(v) => s.setField('name', v.trim() === '' ? undefined : v)}
              issue={nameIssue}
            />
            <div className="toolbar-buttons">
              <button type="button" onClick={() => setDialog('presets')}>
                Presets…
              </button>
              <button type="button" onClick={() => setDialog('json')}>
                Spec JSON…
              </button>
              <button type="button" disabled={!s.canUndo} onClick={s.undo}>
                Undo
              </button>
            </div>
          </div>
          <Canvas
            draft={s.draft}
            normalised={s.normalised}
            issues={s.validation.issues}
            layerIds={s.layerIds}
            selection={s.selection}
            note={s.note}
            onDismissNote={() => s.setNote(null)}
            onSelect={s.setSelection}
            onRemoveLayer={s.removeLayerAt}
            dragging={drag?.type === 'palette' ? drag.block : null}
          />
          <RunActions
            draft={s.draft}
            validation={s.validation}
            validateNow={s.validateNow}
            grid={s.grid}
            gridOpen={gridOpen}
            onToggleGrid={() => setGridOpen((o) => !o)}
            onInvalid={(path) => {
              const section = sectionOf(path);
              s.setSelection(section === 'model' ? { section, layer: 0 } : { section });
            }}
            onStarted={onStarted}
          />
          {gridOpen && (
            <section id="sweep-grid-panel" className="panel" aria-label="Sweep grid">
              <SweepGrid grid={s.grid} onChange={s.setGrid} />
            </section>
          )}
        </div>
        <Inspector
          selection={s.selection}
          draft={s.draft}
          normalised={s.normalised}
          issues={s.validation.issues}
          layers={s.layers}
          onSet={s.setField}
          onSelect={s.setSelection}
        />
      </div>
      <DragOverlay dropAnimation={null}>
        {drag?.type === 'palette' ? <DragPreview block={drag.block} hint={hint} /> : null}
      </DragOverlay>
      <PresetsDialog
        open={dialog === 'presets'}
        onClose={() => setDialog(null)}
        onLoad={(p) => {
          s.loadPreset(p);
          if (p.grid) setGridOpen(true);
          setDialog(null);
        }}
      />
      <SpecJsonDialog
        open={dialog === 'json'}
        onClose={() => setDialog(null)}
        current={s.validation.spec ?? s.draft}
        validateNow={s.validateNow}
        onImport={s.importSpec}
      />
    </DndContext>
  );
}
