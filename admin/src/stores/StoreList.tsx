import type { MouseEvent } from 'react';
import StorefrontIcon from '@mui/icons-material/Storefront';
import { Box, Card, CardContent, Chip, Stack, Typography, useMediaQuery, type Theme } from '@mui/material';
import { CreateButton, DataTable, FilterButton, Link, List, SearchInput, SelectInput, SimpleList, TopToolbar } from 'react-admin';
import type { EcommerceStore } from '../types';
import { useIsViewer } from '../useIsViewer';
import { ApiVersionField } from './ApiVersionField';
import { ConnectionStatusChip } from './ConnectionStatusChip';
import { LastTestedField } from './LastTestedField';
import { API_VERSION_CHOICES, CONNECTION_HEALTH_CHOICES, PLATFORM_NAMES } from './labels';
import type { Platform } from '../types';

const PLATFORM_CHOICES = (Object.keys(PLATFORM_NAMES) as Platform[]).map((id) => ({ id, name: PLATFORM_NAMES[id] }));

/** A filter that is simply on or off: choosing it from "Add filter" applies its defaultValue. */
const QuickFilter = ({ label }: { label: string; source: string; defaultValue: unknown }) => <Chip sx={{ mb: 1 }} label={label} />;

const storeFilters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search by name" />,
  <SelectInput key="platform" source="platform" label="Platform" choices={PLATFORM_CHOICES} />,
  <SelectInput key="apiVersion" source="apiVersion" label="API Version" choices={API_VERSION_CHOICES} />,
  <SelectInput key="connectionHealth" source="connectionHealth" label="Connection" choices={CONNECTION_HEALTH_CHOICES} />,
  <QuickFilter key="needsMigration" source="needsMigration" label="Needs migration" defaultValue={true} />,
];

const StoreListActions = () => {
  const viewer = useIsViewer();
  return (
    <TopToolbar>
      <FilterButton />
      {!viewer && <CreateButton label="Add a store" />}
    </TopToolbar>
  );
};

/** Shown until the first store is added: says what to do next, with the button to do it. */
const NoStoresYet = () => (
  <Card sx={{ mt: 2, maxWidth: 640 }}>
    <CardContent>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start' }}>
        <StorefrontIcon sx={{ fontSize: 48, color: 'text.secondary' }} />
        <Box>
          <Typography variant="h6" gutterBottom>
            No ecommerce stores yet
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            Add a BigCommerce, Shopify or WooCommerce store, then enter its API credentials and test the connection.
          </Typography>
          <CreateButton label="Add a store" variant="contained" />
        </Box>
      </Box>
    </CardContent>
  </Card>
);

/**
 * The store's name as a real link: reachable with Tab, opened with Enter, and in a new tab with
 * Ctrl/Cmd-click or the context menu. The row's own click (for the mouse) must not also fire.
 */
const StoreNameLink = ({ store }: { store: EcommerceStore }) => (
  <Link to={`/EcommerceStore/${store.id}`} onClick={(event: MouseEvent) => event.stopPropagation()} sx={{ fontWeight: 500 }}>
    {store.name}
  </Link>
);

/** On a phone: one line per store (name, API version, connection), each a link to the store. */
const StoreSimpleList = () => (
  <SimpleList<EcommerceStore>
    rowClick="edit"
    primaryText={(store) => store.name}
    tertiaryText={(store) => PLATFORM_NAMES[store.platform]}
    secondaryText={() => (
      <Stack component="span" direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 1, alignItems: 'center', mt: 0.5 }}>
        <ApiVersionField />
        <ConnectionStatusChip />
      </Stack>
    )}
  />
);

const StoreTable = () => (
  <DataTable<EcommerceStore> rowClick="edit" bulkActionButtons={false}>
    <DataTable.Col<EcommerceStore> source="name" label="Name" render={(store) => <StoreNameLink store={store} />} />
    <DataTable.Col<EcommerceStore> source="platform" label="Platform" render={(store) => PLATFORM_NAMES[store.platform]} />
    <DataTable.Col source="apiVersion" label="API Version" field={ApiVersionField} />
    <DataTable.Col label="Connection" disableSort>
      <ConnectionStatusChip />
    </DataTable.Col>
    <DataTable.Col label="Last tested" disableSort field={LastTestedField} />
  </DataTable>
);

/** Settings > Ecommerce Stores: every store with its API version and the health of its connection. */
export const StoreList = () => {
  const small = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  return (
    <List<EcommerceStore>
      title="Ecommerce Stores"
      filters={storeFilters}
      actions={<StoreListActions />}
      sort={{ field: 'name', order: 'ASC' }}
      perPage={25}
      empty={<NoStoresYet />}
    >
      {small ? <StoreSimpleList /> : <StoreTable />}
    </List>
  );
};
