/** The left column: every block, grouped by kind, draggable with the mouse or the keyboard (Space, arrows, Space). */
import { useDraggable } from '@dnd-kit/core';
import { BLOCKS, BLOCK_GROUPS, KIND_COLOR, blockId, type Block } from './blocks';
import type { DragData } from './dnd';
import { useT } from '../i18n';

export function Palette() {
  const t = useT('builder');
  return (
    <nav className="palette" aria-labelledby="palette-title">
      <h2 id="palette-title">{t('palette.title')}</h2>
      <p className="muted palette-help">{t('palette.help')}</p>
      {BLOCK_GROUPS.map((g) => (
        <section key={g.kind} className="palette-group" aria-label={g.title}>
          <h3>{g.title}</h3>
          <div className="palette-blocks">
            {BLOCKS.filter((b) => b.kind === g.kind).map((b) => (
              <PaletteBlock key={blockId(b)} block={b} />
            ))}
          </div>
        </section>
      ))}
    </nav>
  );
}

function PaletteBlock({ block }: { block: Block }) {
  const data: DragData = { type: 'palette', block };
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: blockId(block), data });
  return (
    <button
      type="button"
      ref={setNodeRef}
      className={`block-chip${isDragging ? ' is-dragging' : ''}`}
      style={{ borderLeftColor: KIND_COLOR[block.kind] }}
      {...attributes}
      {...listeners}
      // The accessible name is the label alone ("GRU"), the hint is a tooltip, the drag how-to is dnd-kit's description.
      aria-label={block.label}
      title={block.hint}
    >
      {block.label}
    </button>
  );
}

/** What follows the pointer (or the keyboard) during a drag: the block and what dropping it here will do. */
export function DragPreview({ block, hint }: { block: Block; hint: string }) {
  return (
    <div className="drag-preview" style={{ borderLeftColor: KIND_COLOR[block.kind] }}>
      <strong>{block.label}</strong>
      <span>{hint}</span>
    </div>
  );
}
