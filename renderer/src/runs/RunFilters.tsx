/** Search box and filters above the Runs table. Typing is debounced so each keystroke does not query the host. */
import { useEffect, useState } from 'react';
import { FilterMenu } from './FilterMenu';
import {
  ACTIVATION_OPTIONS,
  CELL_OPTIONS,
  EMPTY_FILTERS,
  INIT_OPTIONS,
  STATUSES,
  TASKS,
  hasFilters,
  type RunFilterState,
} from './run-options';

export interface RunFiltersProps {
  value: RunFilterState;
  onChange: (value: RunFilterState) => void;
  /** Tags seen so far, offered as suggestions. */
  knownTags: readonly string[];
}

const SEARCH_DEBOUNCE_MS = 250;

export function RunFilters({ value, onChange, knownTags }: RunFiltersProps) {
  const [text, setText] = useState(value.text);
  const [tagDraft, setTagDraft] = useState('');

  // Follow outside resets (the Reset button, a restored view) without fighting the user's typing.
  useEffect(() => setText(value.text), [value.text]);

  useEffect(() => {
    if (text === value.text) return;
    const t = setTimeout(() => onChange({ ...value, text }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [text, value, onChange]);

  const addTag = () => {
    const tag = tagDraft.trim();
    if (tag && !value.tag.includes(tag)) onChange({ ...value, tag: [...value.tag, tag] });
    setTagDraft('');
  };

  return (
    <div className="run-filters" role="search" aria-label="Find runs">
      <input
        type="search"
        className="run-search"
        aria-label="Search runs"
        placeholder="Search name, note, tag or id"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <FilterMenu
        label="Status"
        options={STATUSES}
        value={value.status}
        onChange={(status) => onChange({ ...value, status })}
      />
      <FilterMenu label="Task" options={TASKS} value={value.task} onChange={(task) => onChange({ ...value, task })} />
      <FilterMenu
        label="Cell"
        options={CELL_OPTIONS}
        value={value.cell}
        onChange={(cell) => onChange({ ...value, cell })}
      />
      <FilterMenu
        label="Activation"
        options={ACTIVATION_OPTIONS}
        value={value.activation}
        onChange={(activation) => onChange({ ...value, activation })}
      />
      <FilterMenu
        label="Init"
        options={INIT_OPTIONS}
        value={value.init}
        onChange={(init) => onChange({ ...value, init })}
      />
      <span className="tag-filter">
        <input
          aria-label="Filter by tag"
          placeholder="tag…"
          list="known-tags"
          value={tagDraft}
          onChange={(e) => setTagDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              addTag();
            }
          }}
        />
        <datalist id="known-tags">
          {knownTags.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
        {value.tag.map((t) => (
          <span key={t} className="tag-chip tag-chip-filter">
            {t}
            <button
              type="button"
              aria-label={`Remove tag filter ${t}`}
              onClick={() => onChange({ ...value, tag: value.tag.filter((x) => x !== t) })}
            >
              ×
            </button>
          </span>
        ))}
      </span>
      {hasFilters(value) && (
        <button type="button" className="act-btn act-small" onClick={() => onChange(EMPTY_FILTERS)}>
          Reset filters
        </button>
      )}
    </div>
  );
}
