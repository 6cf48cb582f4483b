import type { PodLogRequest } from './types';

/** At most this much of a log is read unless the request says otherwise. */
const DEFAULT_LOG_LIMIT_BYTES = 512 * 1024;

/** The API server path that reads a pod's log. */
export function podLogPath(request: PodLogRequest): string {
  const q = new URLSearchParams();
  if (request.container) q.set('container', request.container);
  if (request.previous) q.set('previous', 'true');
  if (request.tailLines !== undefined)
    q.set('tailLines', String(request.tailLines));
  if (request.timestamps) q.set('timestamps', 'true');
  q.set('limitBytes', String(request.limitBytes ?? DEFAULT_LOG_LIMIT_BYTES));
  return `/api/v1/namespaces/${encodeURIComponent(
    request.namespace,
  )}/pods/${encodeURIComponent(request.pod)}/log?${q}`;
}
