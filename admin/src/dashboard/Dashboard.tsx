import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import HelpOutlineIcon from '@mui/icons-material/HelpOutlineOutlined';
import WarningIcon from '@mui/icons-material/Warning';
import { Box, Card, CardContent, List, ListItem, ListItemButton, ListItemText, Stack, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { gql, useQuery, type TypedDocumentNode } from '@apollo/client';
import type { StoreCountsQuery, StoreCountsQueryVariables } from '../generated/graphql';
import { CreateButton, Title, useGetList } from 'react-admin';
import { ConnectionTestJobCard } from '../jobs';
import { ConnectionStatusChip } from '../stores/ConnectionStatusChip';
import type { EcommerceStore } from '../types';
import { StatCard } from './StatCard';

const listLink = (filter: object) => `/EcommerceStore?filter=${encodeURIComponent(JSON.stringify(filter))}`;

/** Each store in exactly one count, counted by the server in one request. */
const STORE_COUNTS: TypedDocumentNode<StoreCountsQuery, StoreCountsQueryVariables> = gql`
  query StoreCounts {
    ecommerceStoreCounts { total legacy failing healthy untested }
  }
`;

/**
 * Where the migration stands: stores still on a Legacy API account, and how every store's last
 * connection test went. The server counts them, so the numbers hold for any number of stores.
 */
export const Dashboard = () => {
  const legacy = useGetList<EcommerceStore>('EcommerceStore', {
    filter: { needsMigration: true },
    pagination: { page: 1, perPage: 10 },
    sort: { field: 'name', order: 'ASC' },
  });
  const failing = useGetList<EcommerceStore>('EcommerceStore', {
    filter: { needsMigration: false, connectionHealth: 'FAILING' },
    pagination: { page: 1, perPage: 10 },
    sort: { field: 'name', order: 'ASC' },
  });
  const counts = useQuery(STORE_COUNTS).data?.ecommerceStoreCounts;
  const allCount = counts?.total;

  return (
    <Box sx={{ mt: 2 }}>
      <Title title="Migration dashboard" />
      <Typography variant="h5" component="h1" gutterBottom>
        Migration to Store API accounts
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2, maxWidth: 760 }}>
        BigCommerce deprecated Legacy API accounts in July 2018. Move each store to a Store API account with the right OAuth scopes,
        then test its connection. Open a store under Settings &gt; Ecommerce Stores to start.
      </Typography>

      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 2, mb: 3 }}>
        <StatCard
          title="Still on a Legacy API account"
          value={counts?.legacy}
          explanation="Stores to migrate to a Store API account, whatever their last test said."
          color="warning.main"
          icon={<WarningIcon fontSize="small" />}
          to={listLink({ needsMigration: true })}
          testId="legacy-count"
        />
        <StatCard
          title="Failing connections"
          value={counts?.failing}
          explanation="The last test of their saved credentials failed."
          color="error.main"
          icon={<ErrorIcon fontSize="small" />}
          to={listLink({ needsMigration: false, connectionHealth: 'FAILING' })}
          testId="failing-count"
        />
        <StatCard
          title="Healthy connections"
          value={counts?.healthy}
          explanation="The last test of their saved credentials passed."
          color="success.main"
          icon={<CheckCircleIcon fontSize="small" />}
          to={listLink({ needsMigration: false, connectionHealth: 'HEALTHY' })}
          testId="healthy-count"
        />
        <StatCard
          title="Not tested"
          value={counts?.untested}
          explanation="Never tested, or not since their credentials changed."
          color="text.secondary"
          icon={<HelpOutlineIcon fontSize="small" />}
          to={listLink({ needsMigration: false, connectionHealth: 'UNTESTED' })}
          testId="untested-count"
        />
      </Stack>
      {allCount !== 0 && <ConnectionTestJobCard />}
      {allCount === 0 ? (
        <Card sx={{ maxWidth: 640 }}>
          <CardContent>
            <Typography variant="h6" gutterBottom>
              No stores yet
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
              Add your BigCommerce store under Settings &gt; Ecommerce Stores, then enter its API credentials and test the connection.
            </Typography>
            <CreateButton resource="EcommerceStore" label="Add a store" variant="contained" />
          </CardContent>
        </Card>
      ) : (
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
          <StoreShortList
            title="To migrate"
            empty="No store uses a Legacy API account any more."
            stores={legacy.data ?? []}
            more={(legacy.total ?? 0) > (legacy.data?.length ?? 0) ? listLink({ needsMigration: true }) : null}
            secondary={() => 'Legacy API account: open it and follow “Migrate to a Store API account”.'}
          />
          <StoreShortList
            title="Failing"
            empty="No store's last connection test failed."
            stores={failing.data ?? []}
            more={(failing.total ?? 0) > (failing.data?.length ?? 0) ? listLink({ needsMigration: false, connectionHealth: 'FAILING' }) : null}
            // The chip beside it already says why in a few words; this is the full sentence, once.
            secondary={(store) => store.lastConnectionTest!.message}
          />
        </Stack>
      )}
    </Box>
  );
};

interface ShortListProps {
  title: string;
  empty: string;
  stores: EcommerceStore[];
  more: string | null;
  secondary(store: EcommerceStore): string;
}

const StoreShortList = ({ title, empty, stores, more, secondary }: ShortListProps) => (
  <Card sx={{ flex: 1, width: '100%' }}>
    <CardContent sx={{ pb: 0 }}>
      <Typography variant="h6">{title}</Typography>
    </CardContent>
    {stores.length === 0 ? (
      <CardContent>
        <Typography variant="body2" color="text.secondary">
          {empty}
        </Typography>
      </CardContent>
    ) : (
      <List>
        {stores.map((store) => (
          <ListItem key={store.id} disablePadding>
            <ListItemButton component={Link} to={`/EcommerceStore/${store.id}`}>
              <ListItemText primary={store.name} secondary={secondary(store)} />
              <ConnectionStatusChip result={store.lastConnectionTest} />
            </ListItemButton>
          </ListItem>
        ))}
        {more && (
          <ListItem disablePadding>
            <ListItemButton component={Link} to={more}>
              <ListItemText primary="See all…" />
            </ListItemButton>
          </ListItem>
        )}
      </List>
    )}
  </Card>
);
