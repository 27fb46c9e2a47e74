/** The runs in the comparison, each with its curve's colour and dash, removable; plus a search to add more. */
import { useEffect, useState } from 'react';
import type { RunSummary } from '../../../core/api/records';
import { getLab } from '../api/lab';
import { StatusChip } from '../runs/StatusChip';
import { useT } from '../i18n';
import { StyleSample } from '../charts/ChartLegend';
import { lineStyle } from '../../../core/shared/palette';

export interface RunChipsProps {
  runs: readonly { id: string; name: string; status?: RunSummary['status'] | undefined }[];
  onRemove: (id: string) => void;
  onAdd: (run: RunSummary) => void;
  /** Colour per run follows its position, unless grouped (then the chips show no line sample). */
  showStyles: boolean;
}

export function RunChips({ runs, onRemove, onAdd, showStyles }: RunChipsProps) {
  const t = useT('compare');
  return (
    <div className="run-chips">
      <ul aria-label={t('chips.list')}>
        {runs.map((r, i) => {
          const st = lineStyle(i);
          return (
            <li key={r.id} className="run-chip">
              {showStyles && <StyleSample style={st} />}
              <span className="run-chip-name">{r.name}</span>
              {r.status && r.status !== 'completed' && <StatusChip status={r.status} />}
              <button type="button" aria-label={t('chips.remove', { name: r.name })} onClick={() => onRemove(r.id)}>
                ×
              </button>
            </li>
          );
        })}
      </ul>
      <AddRun exclude={runs.map((r) => r.id)} onAdd={onAdd} />
    </div>
  );
}

function AddRun({ exclude, onAdd }: { exclude: string[]; onAdd: (run: RunSummary) => void }) {
  const t = useT('compare');
  const [text, setText] = useState('');
  const [found, setFound] = useState<RunSummary[]>([]);
  useEffect(() => {
    if (!text.trim()) return setFound([]);
    let live = true;
    const timer = setTimeout(() => {
      getLab()
        .listRuns({ text: text.trim(), limit: 8 })
        .then((r) => live && setFound(r.runs))
        .catch(() => live && setFound([]));
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text]);
  const options = found.filter((r) => !exclude.includes(r.id));
  return (
    <div className="add-run">
      <input
        type="search"
        aria-label={t('chips.add')}
        placeholder={t('chips.addPlaceholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {text.trim() !== '' && (
        <ul className="add-run-results" aria-label={t('chips.matches')}>
          {options.length === 0 && <li className="muted">{t('chips.noMatch')}</li>}
          {options.map((r) => (
            <li key={r.id}>
              <button
                type="button"
                onClick={() => {
                  onAdd(r);
                  setText('');
                }}
              >
                {r.name} <span className="muted">{`${r.cell} · ${r.activation} · ${r.status}`}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
