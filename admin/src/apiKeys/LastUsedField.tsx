import { DateField, useRecordContext } from 'react-admin';
import type { ApiKeyRecord } from './labels';

/** The server notes a key's use at most once a minute: seconds would claim more than it knows. */
export const LAST_USED_FORMAT: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: '2-digit' };

/** When the key last called storelink, to the minute; "Never" before its first call. */
export const LastUsedField = () => {
  const apiKey = useRecordContext<ApiKeyRecord>();
  if (!apiKey) return null;
  return <span data-testid="api-key-last-used">{apiKey.lastUsedAt ? <DateField source="lastUsedAt" showTime options={LAST_USED_FORMAT} /> : 'Never'}</span>;
};
