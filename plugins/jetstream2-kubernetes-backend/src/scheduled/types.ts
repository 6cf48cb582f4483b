import type { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';

/**
 * Work that one backend replica at a time must do (writing cluster summaries; later, SU history samples and
 * notifications). The scheduler runs each as a task of scope `global`: every run is taken by one replica,
 * whichever is free, and when a replica stops, the others carry on. One file per task, each exporting a
 * factory of this, and one line in plugin.ts's list.
 */
export interface GlobalTask {
  /** The scheduler's task id, unique within this plugin. */
  id: string;
  /**
   * How often the task runs, and how long one run may hold it: a replica that dies during a run leaves it
   * to the others after `timeout`.
   */
  schedule: Pick<
    SchedulerServiceTaskScheduleDefinition,
    'frequency' | 'timeout' | 'initialDelay'
  >;
  /** One run; the signal aborts when the run times out or the backend stops. */
  run(signal: AbortSignal): Promise<void>;
}
