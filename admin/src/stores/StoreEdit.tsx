import { Box, Stack, Tab, Tabs, Typography } from '@mui/material';
import { Edit, useRecordContext } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import type { EcommerceStore } from '../types';
import { ApiVersionField } from './ApiVersionField';
import { ConnectionHistory } from './ConnectionHistory';
import { ConnectionStatusChip } from './ConnectionStatusChip';
import { StoreSettingsForm } from './StoreSettingsForm';

const StoreTitle = () => {
  const store = useRecordContext<EcommerceStore>();
  return <span>Ecommerce Stores › {store?.name ?? ''}</span>;
};

/** The store page: its name, API version and connection state at a glance, then settings and connection history. */
const StorePage = () => {
  const store = useRecordContext<EcommerceStore>();
  // The tab is in the URL (?tab=history): a link, the back button or a reload lands on it.
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'history' ? 'history' : 'settings';
  if (!store) return null;
  return (
    <>
      <Box sx={{ px: 2, pt: 2 }}>
        <Typography variant="h5" component="h1" data-testid="store-name">
          {store.name}
        </Typography>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mt: 1 }}>
          <ApiVersionField />
          <ConnectionStatusChip long />
        </Stack>
      </Box>
      <Tabs value={tab} onChange={(_event, value: string) => setParams(value === 'history' ? { tab: 'history' } : {})} sx={{ px: 2, borderBottom: 1, borderColor: 'divider' }}>
        <Tab label="Settings" value="settings" />
        <Tab label="Connection history" value="history" />
      </Tabs>
      {tab === 'settings' ? <StoreSettingsForm store={store} /> : <ConnectionHistory />}
    </>
  );
};

export const StoreEdit = () => (
  <Edit title={<StoreTitle />} mutationMode="pessimistic" actions={false}>
    <StorePage />
  </Edit>
);
