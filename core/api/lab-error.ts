/** LabErrors whose message is one of the lab's own (core/shared/lab-messages.ts): English here, either language in the window. */
import { IntlMessageFormat } from 'intl-messageformat';
import { LabError, type ErrorCode, type FieldIssue, type LabText } from '../shared/errors';
import { LAB_MESSAGES, type LabMessageId } from '../shared/lab-messages';

export type LabValues = Record<string, string | number>;

/** A lab message in English: what the CLI prints and what `message` carries over the wire. */
export function labEnglish(id: LabMessageId, values: LabValues = {}): string {
  return String(new IntlMessageFormat(LAB_MESSAGES[id].en, 'en').format(values));
}

export const labText = (id: LabMessageId, values?: LabValues): LabText => (values ? { id, values } : { id });

/** A field issue whose message is a lab message. */
export function labIssue(path: string, id: LabMessageId, values?: LabValues): FieldIssue {
  return { path, message: labEnglish(id, values), text: labText(id, values) };
}

export interface LabErrorExtra {
  issues?: FieldIssue[];
  /** The same message again as the one issue, at this field (a CSV refusal names task.path). */
  issuePath?: string;
}

export function labError(code: ErrorCode, id: LabMessageId, values?: LabValues, extra: LabErrorExtra = {}): LabError {
  const text = labText(id, values);
  const message = labEnglish(id, values);
  const issues = extra.issuePath !== undefined ? [{ path: extra.issuePath, message, text }] : (extra.issues ?? []);
  return new LabError(code, message, issues, text);
}
