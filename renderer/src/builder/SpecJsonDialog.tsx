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

export interface SpecJsonDialogProps {
  open: boolean;
  onClose: () => void;
  /** What the builder holds: the normalised spec when valid (every default written out), else the draft. */
  current: ExperimentSpec | Draft;
  validateNow: ValidateNow;
  onImport: (spec: ExperimentSpec) => void;
}

export function SpecJsonDialog({ open, onClose, current, validateNow, onImport }: SpecJsonDialogProps) {
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
      setProblems([{ path: '', message: `Not valid JSON: ${errorMessage(e)}` }]);
      return;
    }
    try {
      const r = await validateNow(parsed as Draft);
      if (r.ok && r.spec) {
        onImport(r.spec);
        onClose();
      } else setProblems(r.issues);
    } catch (e) {
      setProblems([{ path: '', message: errorMessage(e) }]);
    }
  };

  const name =
    typeof (current as { name?: unknown }).name === 'string' ? String((current as { name: string }).name) : 'spec';
  return (
    <Dialog
      open={open}
      title="Spec as JSON"
      onClose={onClose}
      wide
      actions={
        <>
          <label className="button file-button">
            Upload JSON…
            <input
              type="file"
              accept="application/json,.json"
              onChange={async (e) => {
                const file = e.target.files?.[0];
                if (file) {
                  setText(await file.text());
                  setProblems([]);
                  setStatus(`Loaded ${file.name}: press Import to use it.`);
                }
                e.target.value = '';
              }}
            />
          </label>
          <button
            type="button"
            onClick={() =>
              navigator.clipboard.writeText(text).then(
                () => setStatus('Copied to the clipboard.'),
                () => setStatus('The clipboard refused: select the text and copy it.'),
              )
            }
          >
            Copy
          </button>
          <button type="button" onClick={() => downloadText(`${safeFileName(name, 'spec')}.json`, text)}>
            Download
          </button>
          <button type="button" className="primary" onClick={apply}>
            Import
          </button>
        </>
      }
    >
      <label htmlFor={textId}>Spec JSON</label>
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
          <p>Not imported: the lab refuses this spec.</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                {p.path && <code>{p.path}</code>} {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Dialog>
  );
}
