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
import { useT } from '../i18n';
import { issueMessage } from '../ui/error-text';

export interface BuilderProps {
  /** A run or sweep started: the app switches to its live view. */
  onStarted: (started: StartedRuns) => void;
}

export function Builder({ onStarted }: BuilderProps) {
  const t = useT('builder');
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
      if (d?.type === 'layer') return t('announce.pickLayer', { n: d.index + 1 });
      return d ? t('announce.pickBlock', { block: d.block.label }) : undefined;
    },
    onDragOver: ({ active, over: o }) => {
      const d = dragData(active);
      const target = targetData(o);
      if (!d || !target) return d ? t('announce.noTarget') : undefined;
      if (d.type === 'layer') return t('announce.over', { target: target.label });
      return t('announce.overWith', {
        target: target.label,
        what: describeDrop(d.block, dropTargetOf(o), s.draft, s.normalised),
      });
    },
    onDragEnd: ({ active, over: o }) => {
      const d = dragData(active);
      if (!d) return undefined;
      if (!o)
        return t('announce.droppedNowhere', {
          block: d.type === 'palette' ? d.block.label : t('announce.theLayer'),
        });
      return d.type === 'palette'
        ? t('announce.dropped', { what: describeDrop(d.block, dropTargetOf(o), s.draft, s.normalised) })
        : t('announce.moved');
    },
    onDragCancel: ({ active }) => {
      const d = dragData(active);
      return d
        ? t('announce.cancelled', { block: d.type === 'palette' ? d.block.label : t('announce.theLayer') })
        : undefined;
    },
  };

  const nameMessage = s.validation.issues.find((i) => i.path === 'name')?.message;
  const nameIssue = nameMessage === undefined ? undefined : issueMessage(nameMessage);
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
          draggable: t('announce.instructions'),
        },
      }}
    >
      <div className="builder">
        <Palette />
        <div className="builder-centre">
          <div className="builder-toolbar">
            <TextField
              label={t('toolbar.runName')}
              value={s.draft.name ?? ''}
              // Left empty, the run is named after its spec (the placeholder shows how).
              placeholder={autoName(s.normalised)}
              onChange={(v) => s.setField('name', v.trim() === '' ? undefined : v)}
              issue={nameIssue}
            />
            <div className="toolbar-buttons">
              <button type="button" onClick={() => setDialog('presets')}>
                {t('toolbar.presets')}
              </button>
              <button type="button" onClick={() => setDialog('json')}>
                {t('toolbar.specJson')}
              </button>
              <button type="button" disabled={!s.canUndo} onClick={s.undo}>
                {t('toolbar.undo')}
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
            <section id="sweep-grid-panel" className="panel" aria-label={t('sweepGridLabel')}>
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
