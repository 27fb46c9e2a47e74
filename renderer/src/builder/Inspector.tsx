/** The right-hand panel: labelled fields of the selected canvas block, each with the host's message beside it. */
import type { ExperimentSpec, FieldIssue, TaskKind } from '../../../core/api';
import { CheckboxField, NumberField, SelectField, TextField } from '../ui/fields';
import { SECTION_TITLE_KEYS, sectionOf, shownValue, type Draft } from './draft';
import { useT } from '../i18n';
import { issueMessage } from '../ui/error-text';
import { fieldsOf, labelOf, type FieldSpec } from './inspector-fields';
import type { Selection } from './apply-block';

export interface InspectorProps {
  selection: Selection;
  draft: Draft;
  normalised: ExperimentSpec | null;
  issues: readonly FieldIssue[];
  layers: number;
  onSet: (path: string, value: unknown) => void;
  onSelect: (selection: Selection) => void;
}

export function Inspector({ selection, draft, normalised, issues, layers, onSet, onSelect }: InspectorProps) {
  const t = useT('builder');
  const taskKind = shownValue(draft, normalised, 'task.kind') as TaskKind | undefined;
  const v = (path: string) => shownValue(draft, normalised, path);
  const fields = fieldsOf(selection.section, {
    taskKind,
    cell: v('model.cell'),
    usesNormalInit: v('model.init.recurrent') === 'normal' || v('model.init.input') === 'normal',
    probeSource: v('probe.source'),
  });
  const shown = new Set(fields.map((f) => f.path));
  const issueAt = (path: string) =>
    issues
      .filter((i) => i.path === path)
      .map((i) => issueMessage(i.message))
      .join(' ') || undefined;
  const elsewhere = issues.filter((i) => !shown.has(i.path));
  const title =
    selection.section === 'model' && selection.layer !== undefined
      ? t('inspector.layerOf', { n: selection.layer + 1, count: layers })
      : t(SECTION_TITLE_KEYS[selection.section]);

  return (
    <aside className="inspector" aria-labelledby="inspector-title">
      <h2 id="inspector-title">{title}</h2>
      {selection.section === 'model' && layers > 1 && <p className="muted">{t('inspector.shared')}</p>}
      <div className="inspector-fields">
        {fields.map((f) => (
          <FieldFor key={f.path} field={f} value={v(f.path)} issue={issueAt(f.path)} onSet={onSet} />
        ))}
      </div>
      {elsewhere.length > 0 && (
        <section className="issues-elsewhere" aria-labelledby="issues-elsewhere-title">
          <h3 id="issues-elsewhere-title">{t('inspector.elsewhere')}</h3>
          <ul>
            {elsewhere.map((i, n) => {
              const section = sectionOf(i.path);
              const where = labelOf(i.path, taskKind) ?? (i.path || t('inspector.wholeSpec'));
              return (
                <li key={`${i.path}:${n}`}>
                  <button
                    type="button"
                    className="link"
                    onClick={() => onSelect(section === 'model' ? { section, layer: 0 } : { section })}
                  >
                    {t(SECTION_TITLE_KEYS[section])} › {where}
                  </button>
                  : {issueMessage(i.message)}
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </aside>
  );
}

function FieldFor({
  field,
  value,
  issue,
  onSet,
}: {
  field: FieldSpec;
  value: unknown;
  issue: string | undefined;
  onSet: (path: string, value: unknown) => void;
}) {
  const set = (v: unknown) => onSet(field.path, v);
  switch (field.type) {
    case 'number':
      return (
        <NumberField
          label={field.label}
          value={value}
          onChange={set}
          issue={issue}
          hint={field.hint}
          optional={field.optional ?? false}
          {...(field.placeholder ? { placeholder: field.placeholder } : {})}
        />
      );
    case 'select':
      return (
        <SelectField
          label={field.label}
          value={value}
          options={field.options}
          onChange={set}
          issue={issue}
          hint={field.hint}
        />
      );
    case 'text':
      return (
        <TextField
          label={field.label}
          value={value}
          onChange={set}
          issue={issue}
          hint={field.hint}
          {...(field.placeholder ? { placeholder: field.placeholder } : {})}
        />
      );
    case 'check':
      return <CheckboxField label={field.label} checked={value === true} onChange={set} issue={issue} />;
  }
}
