/** A run's tags: remove with the chip's ×, add by typing and pressing Enter (or Add). */
import { useState } from 'react';
import { errorMessage } from '../../../core/shared/errors';

export interface TagEditorProps {
  tags: readonly string[];
  knownTags: readonly string[];
  onChange: (change: { add?: string[]; remove?: string[] }) => Promise<void>;
}

export function TagEditor({ tags, knownTags, onChange }: TagEditorProps) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);

  const apply = async (change: { add?: string[]; remove?: string[] }) => {
    setError(null);
    try {
      await onChange(change);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const add = async () => {
    // Commas separate several tags at once ("paper, fig3").
    const add = draft
      .split(',')
      .map((t) => t.trim())
      .filter((t) => t && !tags.includes(t));
    setDraft('');
    if (add.length) await apply({ add });
  };

  return (
    <div className="tag-editor">
      <ul className="tag-list" aria-label="Tags">
        {tags.length === 0 && <li className="muted">No tags yet.</li>}
        {tags.map((t) => (
          <li key={t} className="tag-chip">
            {t}
            <button type="button" aria-label={`Remove tag ${t}`} onClick={() => void apply({ remove: [t] })}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="inline-form">
        <input
          aria-label="New tag"
          placeholder="add tag…"
          list="known-tags-editor"
          value={draft}
          maxLength={64}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void add();
            }
          }}
        />
        <datalist id="known-tags-editor">
          {knownTags
            .filter((t) => !tags.includes(t))
            .map((t) => (
              <option key={t} value={t} />
            ))}
        </datalist>
        <button type="button" className="act-btn act-small" onClick={() => void add()} disabled={!draft.trim()}>
          Add tag
        </button>
      </div>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </div>
  );
}
