/**
 * Labelled form fields with the host's message beside them. Each field's message has its own id and the
 * control points at it with aria-describedby, so a screen reader reads the problem with the field.
 */
import { useEffect, useId, useState, type ReactNode } from 'react';

interface FieldFrameProps {
  id: string;
  label: string;
  issue?: string | undefined;
  hint?: string | undefined;
  children: ReactNode;
}

function FieldFrame({ id, label, issue, hint, children }: FieldFrameProps) {
  return (
    <div className={`field${issue ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && !issue && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {issue && (
        <p className="field-issue" id={`${id}-issue`}>
          {issue}
        </p>
      )}
    </div>
  );
}

function describedBy(id: string, issue?: string, hint?: string): string | undefined {
  if (issue) return `${id}-issue`;
  return hint ? `${id}-hint` : undefined;
}

export interface NumberFieldProps {
  label: string;
  value: unknown;
  /** A number when the text reads as one; the raw text otherwise, so the host can say what is wrong with it. */
  onChange: (value: number | string | undefined) => void;
  issue?: string | undefined;
  hint?: string | undefined;
  /** Empty text means "not set" (undefined) instead of an invalid value. */
  optional?: boolean;
  placeholder?: string;
}

const asText = (v: unknown): string => (typeof v === 'number' ? String(v) : typeof v === 'string' ? v : '');

/**
 * A number typed as text: `1e-3`, `0.` and `-` are all fine mid-typing, where <input type=number> would hide
 * them from the page. The text stays the user's while it reads as the same number as the value.
 */
export function NumberField({ label, value, onChange, issue, hint, optional, placeholder }: NumberFieldProps) {
  const id = useId();
  const [text, setText] = useState(asText(value));
  useEffect(() => {
    setText((t) => (t.trim() !== '' && Number(t) === value ? t : asText(value)));
  }, [value]);
  return (
    <FieldFrame id={id} label={label} issue={issue} hint={hint}>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        value={text}
        placeholder={placeholder}
        aria-invalid={issue ? true : undefined}
        aria-describedby={describedBy(id, issue, hint)}
        onChange={(e) => {
          const t = e.target.value;
          setText(t);
          if (t.trim() === '') onChange(optional ? undefined : t);
          else onChange(Number.isFinite(Number(t)) ? Number(t) : t);
        }}
      />
    </FieldFrame>
  );
}

export interface TextFieldProps {
  label: string;
  value: unknown;
  onChange: (value: string) => void;
  issue?: string | undefined;
  hint?: string | undefined;
  placeholder?: string;
}

export function TextField({ label, value, onChange, issue, hint, placeholder }: TextFieldProps) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} issue={issue} hint={hint}>
      <input
        id={id}
        type="text"
        autoComplete="off"
        value={asText(value)}
        placeholder={placeholder}
        aria-invalid={issue ? true : undefined}
        aria-describedby={describedBy(id, issue, hint)}
        onChange={(e) => onChange(e.target.value)}
      />
    </FieldFrame>
  );
}

export interface SelectFieldProps<V extends string> {
  label: string;
  value: unknown;
  options: [V, string][];
  onChange: (value: V) => void;
  issue?: string | undefined;
  hint?: string | undefined;
}

export function SelectField<V extends string>({ label, value, options, onChange, issue, hint }: SelectFieldProps<V>) {
  const id = useId();
  const known = options.some(([v]) => v === value);
  return (
    <FieldFrame id={id} label={label} issue={issue} hint={hint}>
      <select
        id={id}
        value={typeof value === 'string' ? value : ''}
        aria-invalid={issue ? true : undefined}
        aria-describedby={describedBy(id, issue, hint)}
        onChange={(e) => onChange(e.target.value as V)}
      >
        {/* An imported spec may name a value this page does not know: show it rather than silently pick another. */}
        {!known && (
          <option value={typeof value === 'string' ? value : ''}>{typeof value === 'string' ? value : '—'}</option>
        )}
        {options.map(([v, name]) => (
          <option key={v} value={v}>
            {name}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export interface CheckboxFieldProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  issue?: string | undefined;
}

export function CheckboxField({ label, checked, onChange, issue }: CheckboxFieldProps) {
  const id = useId();
  return (
    <div className={`field field-check${issue ? ' field-invalid' : ''}`}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-invalid={issue ? true : undefined}
        aria-describedby={issue ? `${id}-issue` : undefined}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {issue && (
        <p className="field-issue" id={`${id}-issue`}>
          {issue}
        </p>
      )}
    </div>
  );
}
