/** Errors that cross the contract: the error type lives in core/shared (the page rebuilds it); zod's failures become field issues here. */
import type { z } from 'zod';
import { LabError, type FieldIssue } from '../shared/errors';

export { ERROR_CODES, LabError, isLabErrorData, receivedError, errorMessage, toLabError } from '../shared/errors';
export type { ErrorCode, FieldIssue, LabErrorData } from '../shared/errors';
export { isLabText, type LabText } from '../shared/errors';
export { labEnglish, labError, labIssue, labText, type LabValues } from './lab-error';
export { LAB_MESSAGES, type LabMessageId } from '../shared/lab-messages';

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
  const issues = all.slice(0, MAX_ISSUES).map((i) => ({
    path: i.path.length > 200 ? `${i.path.slice(0, 200)}…` : i.path,
    message: i.message.length > 300 ? `${i.message.slice(0, 300)}…` : i.message,
  }));
  const more = all.length > issues.length ? `; and ${all.length - issues.length} more` : '';
  const detail = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ') + more;
  return new LabError('invalid_argument', `Invalid ${what}: ${detail}`, issues);
}
