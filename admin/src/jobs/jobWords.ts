import { API_VERSION_NAMES, PLATFORM_NAMES, STATUS_SHORT_REASONS } from '../stores/labels';
import type { EcommerceStoreFilter } from '../generated/graphql';
import type { ConnectionStatus } from '../types';
import type { ConnectionTestJob } from './ConnectionTestJobCard';

const HEALTH_WORDS = { FAILING: 'that were failing', HEALTHY: 'that were healthy', UNTESTED: 'that were not tested' } as const;

/** The store-list filter a job was started with: only the fields given (Apollo adds __typename, the server nulls). */
export function storeFilterOfJob(filter: ConnectionTestJob['filter']): EcommerceStoreFilter {
  const given = Object.entries(filter ?? {}).filter(([key, value]) => key !== '__typename' && value !== null && value !== undefined);
  return Object.fromEntries(given) as EcommerceStoreFilter;
}

/** Which stores a job covers, from the filter it was started with: "All 31 stores", "12 Shopify stores that were failing". */
export function coverageInWords(filter: ConnectionTestJob['filter'], total: number): string {
  const noun = total === 1 ? 'store' : 'stores';
  const f = storeFilterOfJob(filter);
  if (Object.keys(f).length === 0) return total === 0 ? 'No stores (there were none)' : total === 1 ? 'The one store' : `All ${total} stores`;
  const words: string[] = [String(total)];
  if (f.platform) words.push(PLATFORM_NAMES[f.platform]);
  words.push(noun);
  if (f.needsMigration === true) words.push('to migrate');
  if (f.needsMigration === false) words.push('not to migrate');
  if (f.apiVersion) words.push(`on ${API_VERSION_NAMES[f.apiVersion]}`);
  if (f.q) words.push(`named like “${f.q}”`);
  if (f.ids) words.push('chosen one by one');
  if (f.connectionHealth) words.push(HEALTH_WORDS[f.connectionHealth]);
  return words.join(' ');
}

/** A status as the merchant reads it: "connection OK", "failing: credentials rejected". */
export function statusInWords(status: ConnectionStatus | null | undefined, none: string): string {
  if (!status) return none;
  return status === 'OK' ? 'connection OK' : `failing: ${STATUS_SHORT_REASONS[status]}`;
}

/** Who started a job: a user's email or an API key's name, or the schedule. */
export function starterInWords(job: Pick<ConnectionTestJob, 'scheduled' | 'startedBy'>): string | null {
  if (job.scheduled) return 'the schedule';
  return job.startedBy ?? null;
}
