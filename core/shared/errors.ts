/** Errors that cross the contract (pure: the page rebuilds them too): a code a program can branch on and a message a user can act on. */
import { isLabMessageId, type LabMessageId } from './lab-messages';

export const ERROR_CODES = [
  'invalid_argument',
  'not_found',
  'conflict',
  'unavailable',
  'unauthorized',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * A message the lab writes itself, by id (core/shared/lab-messages.ts) with its values: the window says it in
 * its own language, while `message` keeps the English that the CLI prints and tests assert.
 */
export interface LabText {
  id: LabMessageId;
  values?: Record<string, string | number>;
}

export interface FieldIssue {
  /** Dotted path of the field, e.g. `model.hidden`; empty for the whole value. */
  path: string;
  message: string;
  text?: LabText;
}

export interface LabErrorData {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
  text?: LabText;
}

export class LabError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];
  readonly text: LabText | undefined;
  constructor(code: ErrorCode, message: string, issues: FieldIssue[] = [], text?: LabText) {
    super(message);
    this.name = 'LabError';
    this.code = code;
    this.issues = issues;
    this.text = text;
  }
  toData(): LabErrorData {
    const data: LabErrorData = { code: this.code, message: this.message };
    if (this.issues.length) data.issues = this.issues;
    if (this.text) data.text = this.text;
    return data;
  }
  static fromData(data: LabErrorData): LabError {
    return new LabError(data.code, data.message, data.issues ?? [], isLabText(data.text) ? data.text : undefined);
  }
}

/** A text that names a known id: one from a newer lab that this window lacks is dropped, and the English shown. */
export function isLabText(v: unknown): v is LabText {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return isLabMessageId(o.id) && (o.values === undefined || (typeof o.values === 'object' && o.values !== null));
}

export function isLabErrorData(v: unknown): v is LabErrorData {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return (
    typeof o.message === 'string' && typeof o.code === 'string' && (ERROR_CODES as readonly string[]).includes(o.code)
  );
}

/**
 * The receiving end of a channel: whatever a call rejected with as a LabError, rebuilt from its data when a
 * transport carried only fields (Electron's contextBridge copies a plain object but strips an Error down to
 * its message), as VS Code's ChannelClient rebuilds its errors. Anything else passes through.
 */
export function receivedError(e: unknown): unknown {
  if (e instanceof LabError) return e;
  if (isLabErrorData(e)) return LabError.fromData(e);
  return e;
}

/** The one way the window turns a thrown value into words for the user. */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string')
    return (e as { message: string }).message;
  return String(e);
}

/** Any thrown value as a LabError: internals keep their message but never their stack. */
export function toLabError(e: unknown): LabError {
  if (e instanceof LabError) return e;
  if (e instanceof Error) return new LabError('internal', e.message);
  return new LabError('internal', String(e));
}
