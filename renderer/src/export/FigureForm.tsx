/** The dialog's form: its field groups in reading order. */
import { useT } from '../i18n';
import {
  FileNameField,
  FormatFields,
  LegendFields,
  StyleFields,
  TextFields,
  type FieldsProps,
} from './FigureFormFields';
import type { LegendEntry } from './legend-entries';

export interface FigureFormFieldsProps extends FieldsProps {
  aspect: number | null;
  defaults: { title?: string; xLabel?: string; yLabel?: string };
  entries: readonly LegendEntry[];
}

export function FigureFormFields({ form, set, aspect, defaults, entries }: FigureFormFieldsProps) {
  const t = useT('export');
  return (
    <>
      <FormatFields form={form} set={set} aspect={aspect} />
      <TextFields form={form} set={set} defaults={defaults} />
      <StyleFields form={form} set={set} />
      <LegendFields form={form} set={set} entries={entries} />
      <fieldset className="fig-fieldset">
        <legend>{t('fields.file')}</legend>
        <FileNameField form={form} set={set} />
      </fieldset>
    </>
  );
}
