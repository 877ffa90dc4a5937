import type { UserRole } from '../generated/graphql';

/** An API key as the list and show pages receive it: never the key itself, only its first characters. */
export interface ApiKeyRecord {
  id: string;
  name: string;
  prefix: string;
  role: UserRole;
  createdAt: string;
  lastUsedAt: string | null;
  revoked: boolean;
  revokedAt: string | null;
}

export const apiKeyStatusLabel = (apiKey: Pick<ApiKeyRecord, 'revoked'>) => (apiKey.revoked ? 'Revoked' : 'Active');

/** How a key is recognised without being shown: its first characters, e.g. "sl_Ab3dEf9h…". */
export const shownPrefix = (apiKey: Pick<ApiKeyRecord, 'prefix'>) => `${apiKey.prefix}…`;
