import { Chip, Stack, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import type { EcommerceStore } from '../types';
import { API_VERSION_NAMES } from './labels';

/** The store's API version, with a "Legacy — migrate" badge while it still uses a deprecated Legacy API account. */
export const ApiVersionField = () => {
  const store = useRecordContext<EcommerceStore>();
  if (!store) return null;
  if (!store.apiVersion) {
    return (
      <Typography variant="body2" color="text.secondary">
        Not set up
      </Typography>
    );
  }
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <Typography variant="body2">{API_VERSION_NAMES[store.apiVersion]}</Typography>
      {store.needsMigration && <LegacyBadge />}
    </Stack>
  );
};

export const LegacyBadge = () => (
  <Chip
    label="Legacy — migrate"
    color="warning"
    size="small"
    variant="outlined"
    title="BigCommerce deprecated Legacy API accounts: move this store to a Store API account."
    data-testid="legacy-badge"
  />
);
