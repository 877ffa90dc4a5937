import { DateField, useRecordContext } from 'react-admin';
import type { ApiKeyRecord } from './labels';

/** When the key last called storelink, to the minute (the server records it at most once a minute); "Never" before its first call. */
export const LastUsedField = () => {
  const apiKey = useRecordContext<ApiKeyRecord>();
  if (!apiKey) return null;
  return <span data-testid="api-key-last-used">{apiKey.lastUsedAt ? <DateField source="lastUsedAt" showTime /> : 'Never'}</span>;
};
