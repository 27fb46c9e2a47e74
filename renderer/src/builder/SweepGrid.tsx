/** The grid editor: tick values per field (or list numbers); Start sweep runs every combination. */
import { useEffect, useState } from 'react';
import { useT } from '../i18n';
import { GRID_AXES, describeGrid, parseNumberList, type Grid, type GridAxis } from './sweep-grid';

export interface SweepGridProps {
  grid: Grid;
  onChange: (grid: Grid) => void;
}

export function SweepGrid({ grid, onChange }: SweepGridProps) {
  const t = useT('builder');
  const set = (path: string, values: unknown[]) => onChange({ ...grid, [path]: values });
  return (
    <div className="sweep-grid">
      <p className="muted">{t('grid.help')}</p>
      <div className="grid-axes">
        {GRID_AXES.map((axis) => (
          <fieldset key={axis.path} className="grid-axis">
            <legend>
              {axis.label} <code>{axis.path}</code>
            </legend>
            {axis.kind === 'enum' ? (
              <EnumAxis axis={axis} values={grid[axis.path] ?? []} onChange={(v) => set(axis.path, v)} />
            ) : (
              <NumbersAxis axis={axis} values={grid[axis.path] ?? []} onChange={(v) => set(axis.path, v)} />
            )}
          </fieldset>
        ))}
      </div>
      <p className="grid-total" role="status">
        {describeGrid(grid)}
      </p>
    </div>
  );
}

function EnumAxis({
  axis,
  values,
  onChange,
}: {
  axis: Extract<GridAxis, { kind: 'enum' }>;
  values: unknown[];
  onChange: (v: unknown[]) => void;
}) {
  return (
    <div className="grid-options">
      {axis.options.map(([value, name]) => (
        <label key={value} className="grid-option">
          <input
            type="checkbox"
            checked={values.includes(value)}
            onChange={(e) =>
              onChange(
                e.target.checked
                  ? axis.options.map(([v]) => v).filter((v) => v === value || values.includes(v))
                  : values.filter((v) => v !== value),
              )
            }
          />
          {name}
        </label>
      ))}
    </div>
  );
}

function NumbersAxis({
  axis,
  values,
  onChange,
}: {
  axis: Extract<GridAxis, { kind: 'numbers' }>;
  values: unknown[];
  onChange: (v: unknown[]) => void;
}) {
  const t = useT('builder');
  const [text, setText] = useState(values.join(', '));
  const [error, setError] = useState<string | null>(null);
  // A preset replaces the values from outside: show them, unless the text already says the same.
  useEffect(() => {
    setText((cur) =>
      parseNumberList(cur, axis.integer).values.join(',') === values.join(',') ? cur : values.join(', '),
    );
  }, [values, axis.integer]);
  const errorId = `grid-${axis.path}-error`;
  return (
    <>
      <input
        type="text"
        // Named by the grid key: "Seed" alone would also name the inspector's field.
        aria-label={t('grid.values', { path: axis.path })}
        placeholder={axis.placeholder}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const parsed = parseNumberList(e.target.value, axis.integer);
          setError(parsed.error);
          if (!parsed.error) onChange(parsed.values);
        }}
      />
      {error && (
        <p className="field-issue" id={errorId}>
          {error}
        </p>
      )}
    </>
  );
}
