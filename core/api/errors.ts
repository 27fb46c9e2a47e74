/** Errors that cross the contract: a code a program can branch on and a message a user can act on. */
import type { z } from 'zod';

export const ERROR_CODES = ['invalid_argument', 'not_found', 'conflict', 'unavailable', 'unauthorized', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldIssue {
  /** Dotted path of the field, e.g. `model.hidden`; empty for the whole value. */
  path: string;
  message: string;
}

export interface LabErrorData {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
}

export class LabError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];
  constructor(code: ErrorCode, message: string, issues: FieldIssue[] = []) {
    super(message);
    this.name = 'LabError';
    this.code = code;
    this.issues = issues;
  }
  toData(): LabErrorData {
    return this.issues.length ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
  static fromData(data: LabErrorData): LabError {
    return new LabError(data.code, data.message, data.issues ?? []);
  }
}

export function isLabErrorData(v: unknown): v is LabErrorData {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o.message === 'string' && typeof o.code === 'string' && (ERROR_CODES as readonly string[]).includes(o.code);
}

/** Turns a zod failure into field issues, each naming the path and what is allowed. */
export function issuesFromZod(error: z.ZodError, prefix = ''): FieldIssue[] {
  return error.issues.map((i) => {
    const path = [prefix, ...i.path.map(String)].filter((p) => p !== '').join('.');
    return { path, message: i.message };
  });
}

/** An answer names at most this many fields: 200,000 bad array entries must not become a 12 MB message. */
export const MAX_ISSUES = 20;

export function invalidArgument(what: string, error: z.ZodError, prefix = ''): LabError {
  const all = issuesFromZod(error, prefix);
  const issues = all.slice(0, MAX_ISSUES).map((i) => ({ path: i.path.length > 200 ? `${i.path.slice(0, 200)}…` : i.path, message: i.message.length > 300 ? `${i.message.slice(0, 300)}…` : i.message }));
  const more = all.length > issues.length ? `; and ${all.length - issues.length} more` : '';
  const detail = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ') + more;
  return new LabError('invalid_argument', `Invalid ${what}: ${detail}`, issues);
}

/** Any thrown value as a LabError: internals keep their message but never their stack. */
export function toLabError(e: unknown): LabError {
  if (e instanceof LabError) return e;
  if (e instanceof Error) return new LabError('internal', e.message);
  return new LabError('internal', String(e));
}
