import { Box, Divider, Typography } from '@mui/material';
import { DateField, Labeled, Show, useRecordContext } from 'react-admin';
import { roleLabel } from '../common/roles';
import { ApiKeyStatusChip } from './ApiKeyStatusChip';
import { shownPrefix, type ApiKeyRecord } from './labels';
import { LastUsedField } from './LastUsedField';
import { RevokeApiKeyButton } from './RevokeApiKeyButton';

const Details = () => {
  const apiKey = useRecordContext<ApiKeyRecord>();
  if (!apiKey) return null;
  return (
    <Box sx={{ p: 2, maxWidth: 560 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', mb: 2 }}>
        <Typography variant="h6" component="h1" sx={{ wordBreak: 'break-word' }}>
          {apiKey.name}
        </Typography>
        <ApiKeyStatusChip apiKey={apiKey} />
      </Box>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, gap: 2 }}>
        <Labeled label="Key">
          <Typography component="code" variant="body2" sx={{ fontFamily: 'monospace' }}>
            {shownPrefix(apiKey)}
          </Typography>
        </Labeled>
        <Labeled label="Role">
          <Typography variant="body2">{roleLabel(apiKey.role)}</Typography>
        </Labeled>
        <Labeled label="Created">
          <DateField source="createdAt" showTime />
        </Labeled>
        <Labeled label="Last used (to within a minute)">
          <LastUsedField />
        </Labeled>
        {apiKey.revoked && (
          <Labeled label="Revoked">
            <DateField source="revokedAt" showTime />
          </Labeled>
        )}
      </Box>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
        {apiKey.revoked
          ? 'storelink refuses this key: programs that still send it get "not signed in".'
          : 'Programs send it as "Authorization: Bearer <key>". storelink kept only a hash of it: a lost key cannot be shown again; revoke it and create a new one.'}
      </Typography>
      {!apiKey.revoked && (
        <>
          <Divider sx={{ my: 2 }} />
          <RevokeApiKeyButton />
        </>
      )}
    </Box>
  );
};

/** One API key: what it is called, its role, when it was last used; revoke it here. */
export const ApiKeyShow = () => (
  <Show<ApiKeyRecord> title="API key" actions={false}>
    <Details />
  </Show>
);
