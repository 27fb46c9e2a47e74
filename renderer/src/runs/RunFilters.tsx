/** Search box and filters above the Runs table. Typing is debounced so each keystroke does not query the host. */
import { useEffect, useState } from 'react';
import { FilterMenu } from './FilterMenu';
import { ACTIVATION_NAMES, CELL_NAMES, INIT_NAMES, TASK_NAMES, nameOf } from '../builder/names';
import { useT } from '../i18n';
import { STATUS_KEYS } from './StatusChip';
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

// Long enough to merge a burst of keystrokes, short enough that the table follows typing (issue 12: ≤ 300 ms
// from the last key to the rows); out-of-order answers are dropped by useRunList.
const SEARCH_DEBOUNCE_MS = 60;

export function RunFilters({ value, onChange, knownTags }: RunFiltersProps) {
  const t = useT('runs');
  const [text, setText] = useState(value.text);
  const [tagDraft, setTagDraft] = useState('');

  // Follow outside resets (the Reset button, a restored view) without fighting the user's typing.
  useEffect(() => setText(value.text), [value.text]);

  useEffect(() => {
    if (text === value.text) return;
    const timer = setTimeout(() => onChange({ ...value, text }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);

  const addTag = () => {
    const tag = tagDraft.trim();
    if (tag && !value.tag.includes(tag)) onChange({ ...value, tag: [...value.tag, tag] });
    setTagDraft('');
  };

  return (
    <div className="run-filters" role="search" aria-label={t('filters.label')}>
      <input
        type="search"
        className="run-search"
        aria-label={t('filters.search')}
        placeholder={t('filters.searchPlaceholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <FilterMenu
        label={t('col.status')}
        options={STATUSES}
        nameOf={(s) => t(STATUS_KEYS[s])}
        value={value.status}
        onChange={(status) => onChange({ ...value, status })}
      />
      <FilterMenu
        label={t('col.task')}
        options={TASKS}
        nameOf={(v) => nameOf(TASK_NAMES, v)}
        value={value.task}
        onChange={(task) => onChange({ ...value, task })}
      />
      <FilterMenu
        label={t('col.cell')}
        options={CELL_OPTIONS}
        nameOf={(v) => nameOf(CELL_NAMES, v)}
        value={value.cell}
        onChange={(cell) => onChange({ ...value, cell })}
      />
      <FilterMenu
        label={t('col.activation')}
        options={ACTIVATION_OPTIONS}
        nameOf={(v) => nameOf(ACTIVATION_NAMES, v)}
        value={value.activation}
        onChange={(activation) => onChange({ ...value, activation })}
      />
      <FilterMenu
        label={t('col.init')}
        options={INIT_OPTIONS}
        nameOf={(v) => nameOf(INIT_NAMES, v)}
        value={value.init}
        onChange={(init) => onChange({ ...value, init })}
      />
      <span className="tag-filter">
        <input
          aria-label={t('filters.byTag')}
          placeholder={t('filters.tagPlaceholder')}
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
          {knownTags.map((tag) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
        {value.tag.map((tag) => (
          <span key={tag} className="tag-chip tag-chip-filter">
            {tag}
            <button
              type="button"
              aria-label={t('filters.removeTag', { tag })}
              onClick={() => onChange({ ...value, tag: value.tag.filter((x) => x !== tag) })}
            >
              ×
            </button>
          </span>
        ))}
      </span>
      {hasFilters(value) && (
        <button type="button" className="act-btn act-small" onClick={() => onChange(EMPTY_FILTERS)}>
          {t('filters.reset')}
        </button>
      )}
    </div>
  );
}
