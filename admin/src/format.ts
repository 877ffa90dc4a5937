/** Dates and durations as an admin reads them. */

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const absolute = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

const precise = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'medium' });

export function formatDateTime(iso: string): string {
  return absolute.format(new Date(iso));
}

/** With seconds, to tell apart tests run in the same minute. */
export function formatDateTimeSeconds(iso: string): string {
  return precise.format(new Date(iso));
}

/** "just now", "5 minutes ago", "yesterday", … */
export function formatAgo(iso: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  if (Math.abs(seconds) < 45) return 'just now';
  const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
    ['minute', 60],
    ['hour', 60 * 60],
    ['day', 60 * 60 * 24],
    ['month', 60 * 60 * 24 * 30],
    ['year', 60 * 60 * 24 * 365],
  ];
  let [unit, size] = units[0];
  for (const [candidate, candidateSize] of units) {
    if (Math.abs(seconds) >= candidateSize) [unit, size] = [candidate, candidateSize];
  }
  return relative.format(Math.round(seconds / size), unit);
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
