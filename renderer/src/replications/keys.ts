/** Catalog keys of the replications' enumerations, named as literals so the unused-key check sees them. */
import type { Replication, ReplicationScale, ReplicationVerdict } from '../../../core/api/replications';

export const VERDICT_KEY = {
  reproduced: 'verdict_reproduced',
  partly: 'verdict_partly',
  not_reproduced: 'verdict_not_reproduced',
} as const satisfies Record<ReplicationVerdict, string>;

export const SCALE_KEY = {
  full: 'scale_full',
  reduced: 'scale_reduced',
  smallest: 'scale_smallest',
} as const satisfies Record<ReplicationScale, string>;

export const RUN_KEY = {
  full: 'run_full',
  reduced: 'run_reduced',
  smallest: 'run_smallest',
} as const satisfies Record<ReplicationScale, string>;

export const PROVENANCE_KEY = {
  quoted: 'provenance_quoted',
  'second-hand': 'provenance_second-hand',
  computed: 'provenance_computed',
  'not-found': 'provenance_not-found',
} as const satisfies Record<Replication['published'][number]['provenance'], string>;
