/** Picks a preset: its base spec replaces the draft and its comparison, if any, fills the sweep grid. */
import { Dialog } from '../ui/Dialog';
import { useT } from '../i18n';
import { PRESETS, type Preset } from './presets';
import { describeGrid } from './sweep-grid';

export interface PresetsDialogProps {
  open: boolean;
  onClose: () => void;
  onLoad: (preset: Preset) => void;
}

export function PresetsDialog({ open, onClose, onLoad }: PresetsDialogProps) {
  const t = useT('builder');
  return (
    <Dialog open={open} title={t('presets.title')} onClose={onClose} wide>
      <ul className="preset-list">
        {PRESETS.map((p) => (
          <li key={p.id} className="preset-card">
            <h3>{p.title}</h3>
            <p>{p.summary}</p>
            <p className="muted">
              {p.grid ? t('presets.comparison', { grid: describeGrid(p.grid) }) : t('presets.single')}
            </p>
            <button type="button" aria-label={t('presets.loadLabel', { title: p.title })} onClick={() => onLoad(p)}>
              {t('presets.load')}
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
