/** The error frame says a LabError's code and issues in the window's language, keeping each field path. */
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issuesFromZod } from '../../../core/api/errors';
import { LabError } from '../../../core/shared/errors';
import { i18n } from '../../../renderer/src/i18n';
import { errorText, issueMessage } from '../../../renderer/src/ui/error-text';
import { sayLabText } from '../../../renderer/src/ui/lab-text';
import { parseCsv } from '../../../core/tasks/csv';
import { parseBundle } from '../../../core/store/bundle';

// Real zod messages, as the host puts them on the wire.
const schema = z.object({
  model: z.object({ hidden: z.number().int().min(1).max(1024), cell: z.enum(['rnn', 'lstm', 'gru']) }).strict(),
  name: z.string().min(1),
});
const issues = (v: unknown) => {
  const r = schema.safeParse(v);
  if (r.success) throw new Error('expected a failure');
  return issuesFromZod(r.error);
};

describe('error text', () => {
  afterAll(() => i18n.changeLanguage('en'));

  it('says the common issue kinds in Chinese with the field path kept', async () => {
    await i18n.changeLanguage('zh-CN');
    const e = new LabError(
      'invalid_argument',
      'Invalid spec: …',
      issues({ model: { hidden: 4096, cell: 'tcn', x: 1 } }),
    );
    const text = errorText(e);
    expect(text).toMatch(/^输入有误：/);
    expect(text).toContain('model.hidden：过大：应 ≤ 1024');
    expect(text).toContain('model.cell：只能取 "rnn"|"lstm"|"gru" 之一');
    expect(text).toContain('model：未知字段："x"');
    expect(text).toContain('name：必填');
    expect(issueMessage(issues({ model: { hidden: 0.5, cell: 'rnn' }, name: 'a' })[0]?.message ?? '')).toBe(
      '应为整数，实际为数值',
    );
  });

  it('keeps English in English and passes unknown messages through as written', async () => {
    await i18n.changeLanguage('en');
    const e = new LabError('invalid_argument', 'x', issues({ model: { hidden: 0, cell: 'rnn' }, name: 'a' }));
    expect(errorText(e)).toBe('Invalid input: model.hidden: Too small: must be ≥ 1');
    expect(errorText(new LabError('not_found', 'No run abc'))).toBe('Not found: No run abc');
    await i18n.changeLanguage('zh-CN');
    expect(issueMessage('hidden must divide the heads')).toBe('hidden must divide the heads');
    expect(errorText({ code: 'not_found', message: 'No run abc' })).toBe('未找到：No run abc');
  });

  it("says the lab's own CSV and bundle refusals in Chinese, from the data that crossed the wire", async () => {
    const csv = caught(() => parseCsv('1,2\n3,abc\n', 'data.csv'));
    const bundle = caught(() => parseBundle(new TextEncoder().encode('not gzip')));
    // What the page receives over contextBridge: the fields only.
    const wire = (e: LabError) => JSON.parse(JSON.stringify(e.toData())) as unknown;
    await i18n.changeLanguage('zh-CN');
    expect(errorText(wire(csv))).toBe(
      '输入有误：task.path：data.csv 第 2 行第 2 列："abc" 不是数字；值必须是十进制数，例如 0.5、-2 或 1e-3。',
    );
    expect(errorText(wire(bundle))).toMatch(/^输入有误：不是 gradlab 数据包：数据不是完整的 gzip 文件（.+）。$/);
    expect(sayLabText({ id: 'csv.unreadable', values: { path: 'x.csv', reason: 'ENOENT', detail: '' } })).toBe(
      '无法读取 CSV 文件 x.csv：文件不存在。',
    );
    // A run status is said in Chinese; one the catalog does not know is kept as the lab wrote it.
    expect(sayLabText({ id: 'lab.nothingToStop', values: { run: 'r1', status: 'completed' } })).toBe(
      '运行 r1 的状态为已完成，既未排队也未运行：没有可停止的内容',
    );
    expect(sayLabText({ id: 'lab.notResumable', values: { run: 'r1', status: 'paused' } })).toMatch(
      /^运行 r1 的状态为paused：/,
    );
    await i18n.changeLanguage('en');
    expect(errorText(wire(csv))).toBe(
      'Invalid input: task.path: data.csv, line 2, column 2: "abc" is not a number; values must be decimal numbers such as 0.5, -2 or 1e-3.',
    );
    expect(errorText(wire(bundle))).toBe(`Invalid input: ${bundle.message}`);
  });
});

function caught(f: () => unknown): LabError {
  try {
    f();
  } catch (e) {
    if (e instanceof LabError) return e;
    throw e;
  }
  throw new Error('expected a LabError');
}
