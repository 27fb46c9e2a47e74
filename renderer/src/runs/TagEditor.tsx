/** A run's tags: remove with the chip's ×, add by typing and pressing Enter (or Add). */
import { useState } from 'react';
import { useT } from '../i18n';
import { useErrorText } from '../ui/useErrorText';

export interface TagEditorProps {
  tags: readonly string[];
  knownTags: readonly string[];
  onChange: (change: { add?: string[]; remove?: string[] }) => Promise<void>;
}

export function TagEditor({ tags, knownTags, onChange }: TagEditorProps) {
  const t = useT('runs');
  const errorText = useErrorText();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);

  const apply = async (change: { add?: string[]; remove?: string[] }) => {
    setError(null);
    try {
      await onChange(change);
    } catch (e) {
      setError(errorText(e));
    }
  };
  const add = async () => {
    // Commas separate several tags at once ("paper, fig3").
    const add = draft
      .split(',')
      .map((tag) => tag.trim())
      .filter((tag) => tag && !tags.includes(tag));
    setDraft('');
    if (add.length) await apply({ add });
  };

  return (
    <div className="tag-editor">
      <ul className="tag-list" aria-label={t('tagEditor.label')}>
        {tags.length === 0 && <li className="muted">{t('tagEditor.none')}</li>}
        {tags.map((tag) => (
          <li key={tag} className="tag-chip">
            {tag}
            <button
              type="button"
              aria-label={t('tagEditor.remove', { tag })}
              onClick={() => void apply({ remove: [tag] })}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="inline-form">
        <input
          aria-label={t('tagEditor.new')}
          placeholder={t('tagEditor.placeholder')}
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
            .filter((tag) => !tags.includes(tag))
            .map((tag) => (
              <option key={tag} value={tag} />
            ))}
        </datalist>
        <button type="button" className="act-btn act-small" onClick={() => void add()} disabled={!draft.trim()}>
          {t('tagEditor.add')}
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
