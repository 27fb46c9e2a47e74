/**
 * A compact multi-choice filter: a disclosure button ("Cell: lstm, gru") opening a list of checkboxes.
 * <details> gives keyboard and screen-reader behaviour natively; we add closing on Escape and outside clicks.
 */
import { useEffect, useRef } from 'react';
import { useT } from '../i18n';

export interface FilterMenuProps<T extends string> {
  label: string;
  options: readonly T[];
  value: readonly T[];
  onChange: (value: T[]) => void;
  /** How an option reads (a status word in the window's language); the value itself by default. */
  nameOf?: (option: T) => string;
}

export function FilterMenu<T extends string>({
  label,
  options,
  value,
  onChange,
  nameOf = (o) => o,
}: FilterMenuProps<T>) {
  const t = useT('runs');
  const ref = useRef<HTMLDetailsElement>(null);

  useEffect(() => {
    const onDown = (e: MouseEvent) => {
      if (ref.current?.open && !ref.current.contains(e.target as Node)) ref.current.open = false;
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, []);

  const toggle = (option: T, on: boolean) =>
    onChange(on ? options.filter((o) => o === option || value.includes(o)) : value.filter((v) => v !== option));
  const summary =
    value.length === 0
      ? t('filters.any')
      : value.length <= 2
        ? value.map(nameOf).join(', ')
        : t('filters.nSelected', { count: value.length });

  return (
    <details
      ref={ref}
      className={`filter-menu${value.length ? ' filter-active' : ''}`}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && ref.current?.open) {
          ref.current.open = false;
          ref.current.querySelector('summary')?.focus();
        }
      }}
    >
      {/* Named "Cell filter: lstm, gru" for screen readers; the visible words appear in it in the same order. */}
      <summary>
        <span className="filter-name">{label}</span>
        <span className="visually-hidden">{t('filters.filterSuffix')}</span>{' '}
        <span className="filter-value">{summary}</span>
      </summary>
      <fieldset className="filter-popover">
        <legend className="visually-hidden">{label}</legend>
        {options.map((o) => (
          <label key={o}>
            <input type="checkbox" checked={value.includes(o)} onChange={(e) => toggle(o, e.target.checked)} />
            {nameOf(o)}
          </label>
        ))}
        {value.length > 0 && (
          <button type="button" className="act-btn act-small" onClick={() => onChange([])}>
            {t('filters.clear', { name: label.toLowerCase() })}
          </button>
        )}
      </fieldset>
    </details>
  );
}
