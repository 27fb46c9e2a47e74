/** A run name from its spec ("GRU tanh · adding T=20"), used when the user leaves the name empty. */
import type { ExperimentSpec } from '../../../core/api';
import { ACTIVATION_NAMES, CELL_NAMES, nameOf } from './names';

const TASK_SHORT: Record<string, string> = {
  adding: 'adding',
  copy: 'copy',
  latch: 'latch',
  smnist: 'sMNIST',
  sine: 'sine',
  csv: 'CSV',
};

export function autoName(spec: ExperimentSpec | null): string {
  if (!spec) return 'untitled';
  const t = spec.task;
  const len =
    'seqLen' in t && t.seqLen !== undefined
      ? ` T=${t.seqLen}`
      : t.kind === 'smnist'
        ? ` ${t.mode}${t.permuted ? ' permuted' : ''}`
        : '';
  const cell = nameOf(CELL_NAMES, spec.model.cell);
  // Gated cells' activation is the candidate's; it is still what the user chose, so it stays in the name.
  return `${cell} ${nameOf(ACTIVATION_NAMES, spec.model.activation)}${spec.model.layers > 1 ? ` ×${spec.model.layers}` : ''} · ${TASK_SHORT[t.kind] ?? t.kind}${len}`;
}
