/**
 * A replication as a record: the paper, its claim, the published figures with their place, what the lab
 * trains at each scale and how it judges one finished batch. Planned runs and the run accessors are the
 * lessons' own (core/lessons/types): a replication is planned and read exactly as a lesson is.
 */
import type {
  LessonMeasurement,
  Localized,
  PublishedFigure,
  Replication,
  ReplicationId,
  ReplicationResult,
  ReplicationScale,
} from '../api';
import type { LessonRun, PlannedItem } from '../lessons/types';

export type { LessonRun as ReplicationRun, PlannedItem } from '../lessons/types';

export type Measurement = LessonMeasurement;

export interface ReplicationData {
  scale: ReplicationScale;
  runs: LessonRun[];
  /** The run planned under `key`; throws when the batch lacks it. */
  run(key: string): LessonRun;
  /** The runs of the sweep planned under `key`, in creation order. */
  sweep(key: string): LessonRun[];
}

export type ReplicationOutcome = Pick<ReplicationResult, 'verdict' | 'headline' | 'measured' | 'figures'>;

export interface ReplicationDefinition {
  id: ReplicationId;
  paper: Replication['paper'];
  claim: Localized;
  published: PublishedFigure[];
  /** What each scale trains, in a sentence or two. */
  plan(scale: ReplicationScale): Localized;
  /** How the lab's set-up differs from the paper's, and why. */
  differences: Localized[];
  items(scale: ReplicationScale): PlannedItem[];
  evaluate(data: ReplicationData): ReplicationOutcome;
}
