import { ExperimentSpecSchema, LabError, issuesFromZod, type LabParsedArgs, type LabResult } from '../api';
import { checkSpecCost } from './spec-cost';

/** The builder's field-level check: the same schema and cost limit the host enforces when a run starts. */
export function validateSpec({ spec }: LabParsedArgs<'validateSpec'>): LabResult<'validateSpec'> {
  const parsed = ExperimentSpecSchema.safeParse(spec);
  if (!parsed.success) return { ok: false, issues: issuesFromZod(parsed.error) };
  try {
    checkSpecCost(parsed.data, '');
  } catch (e) {
    if (e instanceof LabError) return { ok: false, issues: e.issues };
    throw e;
  }
  return { ok: true, spec: parsed.data, issues: [] };
}
