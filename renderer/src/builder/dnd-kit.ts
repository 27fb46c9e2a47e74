/**
 * @dnd-kit/core, re-exported from one place. The layering lint's pattern for core/ (eslint.config.js,
 * `(^|/)core(/…)?$`) also matches the package name `@dnd-kit/core`; until that pattern is anchored to our
 * own folder, this file is the single, documented exception instead of a suppression in every component.
 */
/* eslint-disable @typescript-eslint/no-restricted-imports -- @dnd-kit/core is an npm package, not our core/ */
export { DndContext, DragOverlay, KeyboardSensor, PointerSensor, closestCenter, useDraggable, useDroppable, useSensor, useSensors } from '@dnd-kit/core';
export type {
  Active,
  Announcements,
  CollisionDetection,
  DragEndEvent,
  DragOverEvent,
  DragStartEvent,
  DroppableContainer,
  KeyboardCoordinateGetter,
  Over,
} from '@dnd-kit/core';
