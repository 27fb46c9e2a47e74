/** Errors that cross the contract: the error type lives in core/shared (the page rebuilds it); zod's failures become field issues here. */
import type { z } from 'zod';
import { LabError, type FieldIssue } from '../shared/errors';

export { ERROR_CODES, LabError, isLabErrorData, receivedError, errorMessage, toLabError } from '../shared/errors';
export type { ErrorCode, FieldIssue, LabErrorData } from '../shared/errors';

/** Turns a zod failure into field issues, each naming the path and what is allowed. */
export function issuesFromZod(error: z.ZodError, prefix = ''): FieldIssue[] {
  return error.issues.map((i) => {
    const path = [prefix, ...i.path.map(String)].filter((p) => p !== '').join('.');
    return { path, message: i.message };
  });
}

export function invalidArgument(what: string, error: z.ZodError, prefix = ''): LabError {
  const issues = issuesFromZod(error, prefix);
  const detail = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  return new LabError('invalid_argument', `Invalid ${what}: ${detail}`, issues);
}

