import { Chip, Stack, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import type { EcommerceStore, Platform } from '../types';
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
      {store.needsMigration && <LegacyBadge platform={store.platform} />}
    </Stack>
  );
};

const DEPRECATED: Record<Platform, string> = {
  BIGCOMMERCE: 'BigCommerce deprecated Legacy API accounts: move this store to a Store API account.',
  SHOPIFY: 'Shopify no longer lets anyone make custom apps in the store admin: move this store to a Dev Dashboard app.',
  WOOCOMMERCE: 'This way in is deprecated: move the store to the recommended one.',
};

export const LegacyBadge = ({ platform }: { platform: Platform }) => (
  <Chip
    label="Legacy — migrate"
    color="warning"
    size="small"
    variant="outlined"
    title={DEPRECATED[platform]}
    data-testid="legacy-badge"
  />
);
