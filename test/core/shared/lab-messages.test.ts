/** The lab's own messages (issue 14): every id is valid ICU in both languages, with the same placeholders. */
import { describe, expect, it } from 'vitest';
import { icuPlaceholders } from '../../icu-placeholders';
import { LANGS } from '../../../core/shared/lang';
import { LAB_MESSAGES, isLabMessageId, type LabMessageId } from '../../../core/shared/lab-messages';
import { LabError, isLabText } from '../../../core/shared/errors';
import { labEnglish, labError } from '../../../core/api/lab-error';

const IDS = Object.keys(LAB_MESSAGES) as LabMessageId[];

describe('lab messages', () => {
  it.each(IDS)('%s parses in both languages with the same placeholders', (id) => {
    const [en, ...others] = LANGS.map((lang) => [...icuPlaceholders(LAB_MESSAGES[id][lang])].sort());
    for (const o of others) expect(o).toEqual(en);
    // The Chinese must actually be Chinese, not a copy of the English left to be translated.
    expect(LAB_MESSAGES[id]['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
  });

  it('builds the English message the CLI prints, and survives the wire as data', () => {
    const e = labError(
      'invalid_argument',
      'csv.emptyValue',
      { file: 'a.csv', line: '1200', col: '3' },
      { issuePath: 'task.path' },
    );
    expect(e.message).toBe(
      'a.csv, line 1200, column 3: empty value; values must be decimal numbers such as 0.5, -2 or 1e-3.',
    );
    expect(e.issues).toEqual([{ path: 'task.path', message: e.message, text: e.text }]);
    const back = LabError.fromData(JSON.parse(JSON.stringify(e.toData())));
    expect(back.text).toEqual({ id: 'csv.emptyValue', values: { file: 'a.csv', line: '1200', col: '3' } });
    expect(back.issues[0]?.text).toEqual(back.text);
    expect(labEnglish('csv.unreadable', { path: 'x.csv', reason: 'ENOENT', detail: '' })).toBe(
      'Cannot read CSV file x.csv: no such file.',
    );
  });

  it('drops a text whose id this side does not know, keeping the English', () => {
    expect(isLabMessageId('csv.fromTheFuture')).toBe(false);
    expect(isLabText({ id: 'csv.fromTheFuture' })).toBe(false);
    const e = LabError.fromData({ code: 'internal', message: 'English', text: { id: 'x' } as never });
    expect(e.text).toBeUndefined();
    expect(e.message).toBe('English');
  });
});
