/**
 * Asks the host to validate the draft (debounced): the field messages come from the same schema the host
 * enforces when a run starts, so the page never disagrees with the lab about what is valid.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExperimentSpec, FieldIssue } from '../../../core/api';
import { getLab } from '../api/lab';
import type { Draft } from './draft';
import { errorText } from '../ui/error-text';

export interface Validation {
  /** 'pending' while the host has not answered for the current draft. */
  state: 'pending' | 'ok' | 'invalid' | 'error';
  issues: FieldIssue[];
  /** The normalised spec (defaults filled) of the current draft when it is valid. */
  spec: ExperimentSpec | null;
  /** The last valid normalised spec, so fields keep showing defaults while the user fixes a typo. */
  lastGood: ExperimentSpec | null;
  /** Why the host could not be asked (state 'error'). */
  error: string | null;
}

export type ValidateNow = (draft: Draft) => Promise<{ ok: boolean; spec?: ExperimentSpec; issues: FieldIssue[] }>;

const DEBOUNCE_MS = 200;

export function useSpecValidation(draft: Draft): { validation: Validation; validateNow: ValidateNow } {
  const [validation, setValidation] = useState<Validation>({
    state: 'pending',
    issues: [],
    spec: null,
    lastGood: null,
    error: null,
  });
  const seq = useRef(0);

  const validateNow = useCallback<ValidateNow>((d) => getLab().validateSpec({ spec: d }), []);

  useEffect(() => {
    const mine = ++seq.current;
    setValidation((v) => (v.state === 'pending' ? v : { ...v, state: 'pending' }));
    const timer = setTimeout(() => {
      validateNow(draft).then(
        (r) => {
          // A slower answer for an older draft must not overwrite a newer one.
          if (mine !== seq.current) return;
          setValidation((v) => ({
            state: r.ok ? 'ok' : 'invalid',
            issues: r.issues,
            spec: r.ok ? (r.spec ?? null) : null,
            lastGood: r.ok ? (r.spec ?? v.lastGood) : v.lastGood,
            error: null,
          }));
        },
        (e: unknown) => {
          if (mine !== seq.current) return;
          setValidation((v) => ({ ...v, state: 'error', error: errorText(e) }));
        },
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, validateNow]);

  return { validation, validateNow };
}

/** Issues by field path; several messages for one path are joined. */
export function issuesByPath(issues: readonly FieldIssue[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const i of issues) map.set(i.path, map.has(i.path) ? `${map.get(i.path)} ${i.message}` : i.message);
  return map;
}
