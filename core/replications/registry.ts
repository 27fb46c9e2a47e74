/** Every replication, in the order of the field's history. Adding one is adding a file and a line here. */
import type { ReplicationId } from '../api';
import { arjovsky2016 } from './arjovsky-2016-copy';
import { bengio1994 } from './bengio-1994-latch';
import { hochreiter1997 } from './hochreiter-1997-adding';
import { le2015 } from './le-2015-irnn';
import { pascanu2013 } from './pascanu-2013-conditions';
import type { ReplicationDefinition } from './types';

export const REPLICATIONS: readonly ReplicationDefinition[] = [
  bengio1994,
  hochreiter1997,
  pascanu2013,
  le2015,
  arjovsky2016,
];

const BY_ID = new Map<string, ReplicationDefinition>(REPLICATIONS.map((r) => [r.id, r]));

export function replicationDefinition(id: ReplicationId): ReplicationDefinition | undefined {
  return BY_ID.get(id);
}
