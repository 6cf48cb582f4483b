import type { SchedulerService } from '@backstage/backend-plugin-api';
import type { GlobalTask } from './types';

/**
 * Hands each task to Backstage's scheduler with `scope: 'global'`: across all replicas on one database,
 * one run at a time. (A run that throws is logged by the scheduler and the task runs again at its next
 * time.)
 */
export async function scheduleGlobalTasks(options: {
  scheduler: SchedulerService;
  tasks: GlobalTask[];
}): Promise<void> {
  for (const task of options.tasks) {
    await options.scheduler.scheduleTask({
      id: task.id,
      scope: 'global',
      ...task.schedule,
      fn: signal => task.run(signal),
    });
  }
}
