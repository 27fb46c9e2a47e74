/**
 * The spec as JSON: view, copy, download, and import from pasted text or a file. An import is applied only
 * when the host accepts it; otherwise every problem is listed with its path, and the builder stays as it was.
 */
import { useEffect, useId, useState } from 'react';
import type { ExperimentSpec, FieldIssue } from '../../../core/api';
import { Dialog } from '../ui/Dialog';
import { downloadText, safeFileName } from '../ui/download';
import type { Draft } from './draft';
import type { ValidateNow } from './useSpecValidation';
import { errorMessage } from '../../../core/shared/errors';
import { useT } from '../i18n';
import { errorText, issueMessage } from '../ui/error-text';

export interface SpecJsonDialogProps {
  open: boolean;
  onClose: () => void;
  /** What the builder holds: the normalised spec when valid (every default written out), else the draft. */
  current: ExperimentSpec | Draft;
  validateNow: ValidateNow;
  onImport: (spec: ExperimentSpec) => void;
}

export function SpecJsonDialog({ open, onClose, current, validateNow, onImport }: SpecJsonDialogProps) {
  const t = useT('builder');
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<FieldIssue[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const textId = useId();
  const problemsId = useId();

  useEffect(() => {
    if (open) {
      setText(JSON.stringify(current, null, 2));
      setProblems([]);
      setStatus(null);
    }
    // Only when the dialog opens: later edits of the draft must not overwrite what the user is pasting.
  }, [open]);

  const apply = async () => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      setProblems([{ path: '', message: t('json.notJson', { error: errorMessage(e) }) }]);
      return;
    }
    try {
      const r = await validateNow(parsed as Draft);
      if (r.ok && r.spec) {
        onImport(r.spec);
        onClose();
      } else setProblems(r.issues);
    } catch (e) {
      setProblems([{ path: '', message: errorText(e) }]);
    }
  };

  const name =
    typeof (current as { name?: unknown }).name === 'string' ? String((current as { name: string }).name) : 'spec';
  return (
    <Dialog
      open={open}
      title={t('json.title')}
      onClose={onClose}
      wide
      actions={
        <>
          <label className="button file-button">
            {t('json.upload')}
            <input
              type="file"
              accept="application/json,.json"
              onChange={async (e) => {
                const file = e.target.files?.[0];
                if (file) {
                  setText(await file.text());
                  setProblems([]);
                  setStatus(t('json.loaded', { file: file.name }));
                }
                e.target.value = '';
              }}
            />
          </label>
          <button
            type="button"
            onClick={() =>
              navigator.clipboard.writeText(text).then(
                () => setStatus(t('json.copied')),
                () => setStatus(t('json.clipboardRefused')),
              )
            }
          >
            {t('json.copy')}
          </button>
          <button type="button" onClick={() => downloadText(`${safeFileName(name, 'spec')}.json`, text)}>
            {t('json.download')}
          </button>
          <button type="button" className="primary" onClick={apply}>
            {t('json.import')}
          </button>
        </>
      }
    >
      <label htmlFor={textId}>{t('json.label')}</label>
      <textarea
        id={textId}
        className="json-text"
        spellCheck={false}
        value={text}
        aria-invalid={problems.length ? true : undefined}
        aria-describedby={problems.length ? problemsId : undefined}
        onChange={(e) => {
          setText(e.target.value);
          setProblems([]);
        }}
      />
      {status && (
        <p role="status" className="muted">
          {status}
        </p>
      )}
      {problems.length > 0 && (
        <div id={problemsId} role="alert" className="json-problems">
          <p>{t('json.refused')}</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                {p.path && <code>{p.path}</code>} {issueMessage(p.message)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Dialog>
  );
}
