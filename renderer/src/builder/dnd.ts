/**
 * Drag-and-drop rules of the builder, for dnd-kit: what is being dragged, what it is over, and how the
 * keyboard moves it. Keyboard drags jump from drop target to drop target (arrow keys pick the nearest target
 * in that direction), so the keyboard path to any drop is a few presses, not dozens of 25-pixel nudges.
 */
import {
  closestCenter,
  type Active,
  type CollisionDetection,
  type DroppableContainer,
  type KeyboardCoordinateGetter,
  type Over,
} from '@dnd-kit/core';
import type { Block, BlockKind } from './blocks';
import type { DropTarget } from './apply-block';

/** What a draggable carries: a palette block, or a layer of the stack (reordering). */
export type DragData = { type: 'palette'; block: Block } | { type: 'layer'; index: number };

/** What a droppable carries; `label` names it in announcements. */
export type TargetData =
  | { type: 'layer'; index: number; label: string }
  /**
   * `accepts`: the block kinds this part of the canvas is for; others dropped here go to the canvas as a whole.
   * `drop`: the cell target this slot is (replace the cell / add a layer), when it is one.
   */
  | {
      type: 'canvas';
      label: string;
      leaf: boolean;
      accepts: readonly BlockKind[];
      drop?: 'replace-cell' | 'add-layer';
    };

/**
 * Layers take activations and initialisers. A cell goes to one of the two targets a cell drag shows: the
 * "Replace the cell" target laid over the layers, or "Add a layer" below them.
 */
export const LAYER_ACCEPTS: readonly BlockKind[] = ['activation', 'init'];

export function accepts(t: TargetData | undefined, drag: DragData | undefined): boolean {
  if (!t || !drag) return false;
  if (drag.type === 'layer') return t.type === 'layer';
  if (t.type === 'layer') return LAYER_ACCEPTS.includes(drag.block.kind);
  // A cell needs one of its two explicit targets: on the canvas as a whole "add a layer" or "replace the cell"
  // would be a guess (a newcomer's LSTM dropped mid-canvas added a layer where they meant "make it an LSTM").
  if (!t.leaf) return drag.block.kind !== 'cell';
  return t.accepts.includes(drag.block.kind);
}

export const CANVAS_ID = 'canvas';

export function dragData(active: Active | null): DragData | undefined {
  return active?.data.current as DragData | undefined;
}

export function targetData(over: Over | DroppableContainer | null | undefined): TargetData | undefined {
  return over?.data.current as TargetData | undefined;
}

export function dropTargetOf(over: Over | null): DropTarget | null {
  const t = targetData(over);
  if (!t) return null;
  if (t.type === 'layer') return { type: 'layer', index: t.index };
  return t.drop ? { type: t.drop } : { type: 'canvas' };
}

type Rect = { left: number; top: number; width: number; height: number };
const centre = (r: Rect) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
const contains = (r: Rect, p: { x: number; y: number }) =>
  p.x >= r.left && p.x <= r.left + r.width && p.y >= r.top && p.y <= r.top + r.height;

/**
 * Palette drags: the innermost target under the pointer that takes this kind of block (a layer inside the canvas wins over the canvas).
 * The keyboard has no pointer, so the dragged block's centre stands in for it. Layer drags sort among layers.
 */
export const collision: CollisionDetection = (args) => {
  const drag = dragData(args.active);
  if (drag?.type === 'layer') {
    return closestCenter({
      ...args,
      droppableContainers: args.droppableContainers.filter((c) => targetData(c)?.type === 'layer'),
    });
  }
  const point = args.pointerCoordinates ?? centre(args.collisionRect);
  const hits = args.droppableContainers
    .filter((c) => accepts(targetData(c), drag))
    .map((c) => ({ c, r: args.droppableRects.get(c.id) }))
    .filter((h): h is { c: DroppableContainer; r: NonNullable<typeof h.r> } => !!h.r && contains(h.r, point))
    .sort((a, b) => a.r.width * a.r.height - b.r.width * b.r.height);
  return hits.map(({ c, r }) => ({ id: c.id, data: { droppableContainer: c, value: r.width * r.height } }));
};

const ARROWS = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'];

/** Arrow keys move the dragged block onto the nearest drop target in that direction. */
export const keyboardCoordinates: KeyboardCoordinateGetter = (event, { active, currentCoordinates, context }) => {
  if (!ARROWS.includes(event.code)) return undefined;
  event.preventDefault();
  const from = context.collisionRect;
  if (!from) return undefined;
  const here = centre(from);
  const drag = dragData(context.active ?? null);
  let best: { x: number; y: number; score: number } | null = null;
  for (const c of context.droppableContainers.getEnabled()) {
    const t = targetData(c);
    // Keyboard stops are the parts of the canvas made for this block (a task stops at the Task block only);
    // the canvas as a whole is no stop, its centre would land on whatever block is there.
    if (!t || c.id === active || (t.type === 'canvas' && !t.leaf) || !accepts(t, drag)) continue;
    // The target already under the block is no next stop: the drag preview changes size as its hint changes,
    // so its centre drifts a few pixels off the target's and the next arrow would land on the same target.
    if (c.id === context.over?.id) continue;
    const r = context.droppableRects.get(c.id);
    if (!r) continue;
    const to = centre(r);
    const dx = to.x - here.x;
    const dy = to.y - here.y;
    const along =
      event.code === 'ArrowRight' ? dx : event.code === 'ArrowLeft' ? -dx : event.code === 'ArrowDown' ? dy : -dy;
    const across = event.code === 'ArrowRight' || event.code === 'ArrowLeft' ? Math.abs(dy) : Math.abs(dx);
    if (along <= 1) continue;
    // Spatial navigation as browsers do it: distance along the arrow, with sideways distance counting double.
    const score = along + 2 * across;
    if (!best || score < best.score) best = { x: to.x, y: to.y, score };
  }
  if (!best) return undefined;
  return { x: currentCoordinates.x + best.x - here.x, y: currentCoordinates.y + best.y - here.y };
};
