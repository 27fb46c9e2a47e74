/** Picks a preset: its base spec replaces the draft and its comparison, if any, fills the sweep grid. */
import { Dialog } from '../ui/Dialog';
import { PRESETS, type Preset } from './presets';
import { describeGrid } from './sweep-grid';

export interface PresetsDialogProps {
  open: boolean;
  onClose: () => void;
  onLoad: (preset: Preset) => void;
}

export function PresetsDialog({ open, onClose, onLoad }: PresetsDialogProps) {
  return (
    <Dialog open={open} title="Presets" onClose={onClose} wide>
      <ul className="preset-list">
        {PRESETS.map((p) => (
          <li key={p.id} className="preset-card">
            <h3>{p.title}</h3>
            <p>{p.summary}</p>
            <p className="muted">
              {p.grid
                ? `Comparison: ${describeGrid(p.grid)}, started with Start sweep.`
                : 'A single run, started with Start run.'}
            </p>
            <button type="button" aria-label={`Load preset: ${p.title}`} onClick={() => onLoad(p)}>
              Load
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
