/**
 * The error frame's words: a LabError's code and its field issues in the window's language, each issue with
 * its field path kept as it is (model.hidden is the spec's name for the field in both languages). The wire
 * carries zod's English messages; the common kinds are recognised by their shape and said again from the
 * errors catalog, anything else is shown as the lab wrote it.
 */
import { ERROR_CODES, errorMessage, receivedError, LabError, type FieldIssue } from '../../../core/shared/errors';
import { tFor } from '../i18n';
import { sayLabText } from './lab-text';

type ErrorsT = ReturnType<typeof tFor<'errors'>>;

const TYPE_KEYS = {
  number: 'type.number',
  int: 'type.int',
  string: 'type.string',
  boolean: 'type.boolean',
  object: 'type.object',
  array: 'type.array',
  null: 'type.null',
  nan: 'type.nan',
} as const;

const typeName = (t: ErrorsT, name: string | undefined): string =>
  name && name in TYPE_KEYS ? t(TYPE_KEYS[name as keyof typeof TYPE_KEYS]) : (name ?? '');

const COMPARATORS: Record<string, string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<' };

/** zod's default messages, recognised by shape: [pattern, how it reads in the catalog]. */
const ISSUE_KINDS: [RegExp, (t: ErrorsT, m: RegExpMatchArray) => string][] = [
  [/^Invalid input: expected (\w+), received undefined$/, (t) => t('issue.required')],
  [
    /^Invalid input: expected (\w+), received (\w+)$/,
    (t, m) => t('issue.invalidType', { expected: typeName(t, m[1]), received: typeName(t, m[2]) }),
  ],
  [/^Invalid option: expected one of (.+)$/, (t, m) => t('issue.invalidOption', { options: m[1] ?? '' })],
  [
    /^Too small: expected (?:number|int|bigint) to be (>=|>)(.+)$/,
    (t, m) => t('issue.tooSmall', { op: COMPARATORS[m[1] ?? ''] ?? '', limit: m[2] ?? '' }),
  ],
  [
    /^Too big: expected (?:number|int|bigint) to be (<=|<)(.+)$/,
    (t, m) => t('issue.tooBig', { op: COMPARATORS[m[1] ?? ''] ?? '', limit: m[2] ?? '' }),
  ],
  [/^Too small: expected string to have >=?(\d+) characters?$/, (t, m) => t('issue.tooShort', { count: Number(m[1]) })],
  [/^Too big: expected string to have <=?(\d+) characters?$/, (t, m) => t('issue.tooLong', { count: Number(m[1]) })],
  [/^Too small: expected array to have >=?(\d+) items?$/, (t, m) => t('issue.tooFewItems', { count: Number(m[1]) })],
  [/^Too big: expected array to have <=?(\d+) items?$/, (t, m) => t('issue.tooManyItems', { count: Number(m[1]) })],
  [/^Unrecognized keys?: (.+)$/, (t, m) => t('issue.unknownKeys', { keys: m[1] ?? '' })],
  [/^Invalid number: must be a multiple of (.+)$/, (t, m) => t('issue.multipleOf', { step: m[1] ?? '' })],
  [/^Expected a number \(NaN and ±Infinity allowed\)$/, (t) => t('issue.notNumber')],
];

/** One issue's message in the current language (the path is not part of it). */
export function issueMessage(message: string): string {
  const t = tFor('errors');
  for (const [re, say] of ISSUE_KINDS) {
    const m = message.match(re);
    if (m) return say(t, m);
  }
  return message;
}

/** "model.hidden: 过大：应 ≤ 1024", or the message alone for an issue with the whole value. */
export function issueLine(issue: FieldIssue): string {
  const msg = sayLabText(issue.text) ?? issueMessage(issue.message);
  return issue.path ? tFor('errors')('issue.atPath', { path: issue.path, message: msg }) : msg;
}

const CODE_KEYS = {
  invalid_argument: 'code.invalid_argument',
  not_found: 'code.not_found',
  conflict: 'code.conflict',
  unavailable: 'code.unavailable',
  unauthorized: 'code.unauthorized',
  internal: 'code.internal',
} as const satisfies Record<(typeof ERROR_CODES)[number], string>;

/**
 * Any thrown value as words for the user: a LabError with field issues says its code and each issue (path
 * kept); one without issues says its code and the lab's own message (in the window's language when it came
 * with a LabText); anything else its message.
 */
export function errorText(e: unknown): string {
  const err = receivedError(e);
  if (!(err instanceof LabError)) return errorMessage(err);
  const t = tFor('errors');
  const what = t(CODE_KEYS[err.code]);
  if (err.issues.length) return t('withDetail', { what, detail: err.issues.map(issueLine).join(t('issueSeparator')) });
  return t('withDetail', { what, detail: sayLabText(err.text) ?? err.message });
}
