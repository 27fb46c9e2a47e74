import { ExperimentSpecSchema, issuesFromZod, type LabParsedArgs, type LabResult } from '../api';

/** The builder's field-level check: the same schema the host enforces when a run starts. */
export function validateSpec({ spec }: LabParsedArgs<'validateSpec'>): LabResult<'validateSpec'> {
  const parsed = ExperimentSpecSchema.safeParse(spec);
  return parsed.success ? { ok: true, spec: parsed.data, issues: [] } : { ok: false, issues: issuesFromZod(parsed.error) };
}
