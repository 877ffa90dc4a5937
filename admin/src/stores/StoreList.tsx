import StorefrontIcon from '@mui/icons-material/Storefront';
import { Box, Card, CardContent, Chip, Typography } from '@mui/material';
import { CreateButton, DataTable, FilterButton, List, SearchInput, SelectInput, TopToolbar } from 'react-admin';
import type { EcommerceStore } from '../types';
import { useIsViewer } from '../useIsViewer';
import { ApiVersionField } from './ApiVersionField';
import { ConnectionStatusChip } from './ConnectionStatusChip';
import { LastTestedField } from './LastTestedField';
import { API_VERSION_CHOICES, CONNECTION_HEALTH_CHOICES } from './labels';

/** A filter that is simply on or off: choosing it from "Add filter" applies its defaultValue. */
const QuickFilter = ({ label }: { label: string; source: string; defaultValue: unknown }) => <Chip sx={{ mb: 1 }} label={label} />;

const storeFilters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search by name" />,
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
            Add your BigCommerce store, then enter its API credentials and test the connection.
          </Typography>
          <CreateButton label="Add a store" variant="contained" />
        </Box>
      </Box>
    </CardContent>
  </Card>
);

/** Settings > Ecommerce Stores: every store with its API version and the health of its connection. */
export const StoreList = () => (
  <List<EcommerceStore>
    title="Ecommerce Stores"
    filters={storeFilters}
    actions={<StoreListActions />}
    sort={{ field: 'name', order: 'ASC' }}
    perPage={25}
    empty={<NoStoresYet />}
  >
    <DataTable<EcommerceStore> rowClick="edit" bulkActionButtons={false}>
      <DataTable.Col<EcommerceStore>
        source="name"
        label="Name"
        render={(store) => (
          <Typography variant="body2" sx={{ color: 'primary.main', fontWeight: 500 }}>
            {store.name}
          </Typography>
        )}
      />
      <DataTable.Col source="apiVersion" label="API Version" field={ApiVersionField} />
      <DataTable.Col label="Connection" disableSort>
        <ConnectionStatusChip />
      </DataTable.Col>
      <DataTable.Col label="Last tested" disableSort field={LastTestedField} />
    </DataTable>
  </List>
);
