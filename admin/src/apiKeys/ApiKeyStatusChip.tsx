import { Chip } from '@mui/material';
import { apiKeyStatusLabel, type ApiKeyRecord } from './labels';

export const ApiKeyStatusChip = ({ apiKey }: { apiKey: Pick<ApiKeyRecord, 'revoked'> }) => (
  <Chip size="small" color={apiKey.revoked ? 'default' : 'success'} variant={apiKey.revoked ? 'filled' : 'outlined'} label={apiKeyStatusLabel(apiKey)} />
);
