import { Box, Stack, Tab, Tabs, Typography } from '@mui/material';
import { useState } from 'react';
import { Edit, useRecordContext } from 'react-admin';
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
  const [tab, setTab] = useState<'settings' | 'history'>('settings');
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
      <Tabs value={tab} onChange={(_event, value) => setTab(value)} sx={{ px: 2, borderBottom: 1, borderColor: 'divider' }}>
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
