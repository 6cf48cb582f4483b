/*
 * Upstream's usage values as people read them: CPU arrives in cores (a number), memory in bytes (a number,
 * or an integer string where it was a bigint); see the backend's toPodMetrics.
 */

type Amount = number | string;

/** Cores as millicores ("12m"), or as cores from one core up ("1.25 cores"). */
export function formatCpu(cores: Amount): string {
  const milli = Number(cores) * 1000;
  if (!Number.isFinite(milli) || milli <= 0) return '0m';
  if (milli < 1) return '<1m';
  if (milli < 1000) return `${Math.round(milli)}m`;
  return `${(milli / 1000).toFixed(2)} cores`;
}

/** Bytes in MiB ("45 MiB", "3.5 MiB"), or GiB from 1 GiB up ("1.5 GiB"). */
export function formatMemory(bytes: Amount): string {
  const mib = Number(bytes) / 2 ** 20;
  if (!Number.isFinite(mib) || mib <= 0) return '0 MiB';
  if (mib >= 1024) return `${(mib / 1024).toFixed(1)} GiB`;
  return `${mib < 10 ? mib.toFixed(1) : Math.round(mib)} MiB`;
}

/** "5% of 250m" (of what the pod requests), or "no request" when its containers request none. */
export function shareOfRequest(
  usage: Amount,
  request: Amount,
  format: (amount: Amount) => string,
): string {
  const total = Number(request);
  if (!Number.isFinite(total) || total <= 0) return 'no request';
  return `${Math.round((Number(usage) / total) * 100)}% of ${format(request)}`;
}
