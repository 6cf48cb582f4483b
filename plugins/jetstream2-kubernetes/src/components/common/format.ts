/** "1.5 GiB" from bytes; "–" for a missing value. */
export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes)) return '–';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 10 || unit === 0 ? Math.round(value) : value.toFixed(1)} ${
    units[unit]
  }`;
}

/** "2.5 cores" from cores; "–" for a missing value. */
export function formatCores(cores: number | undefined): string {
  if (cores === undefined || !Number.isFinite(cores)) return '–';
  const rounded = Math.round(cores * 100) / 100;
  return `${rounded} ${rounded === 1 ? 'core' : 'cores'}`;
}

/** Percent of used over total, 0 when total is 0 or missing. */
export function percent(
  used: number | undefined,
  total: number | undefined,
): number {
  if (!used || !total || total <= 0) return 0;
  return Math.round((used / total) * 100);
}

/** "2.5 SU", "1,234 SU": Jetstream2 service units, one decimal below 10. */
export function formatSu(su: number | undefined): string {
  if (su === undefined || !Number.isFinite(su)) return '–';
  const rounded = Math.abs(su) < 10 ? Math.round(su * 10) / 10 : Math.round(su);
  return `${rounded.toLocaleString('en-US')} SU`;
}
