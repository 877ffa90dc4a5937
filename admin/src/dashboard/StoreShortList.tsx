import { Card, CardContent, List, ListItem, ListItemButton, ListItemText, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { ConnectionStatusChip } from '../stores/ConnectionStatusChip';
import type { DashboardStore } from './dashboardQuery';

interface Props {
  title: string;
  empty: string;
  stores: DashboardStore[];
  /** The whole list, when it holds more than these. */
  more: string | null;
  secondary(store: DashboardStore): string;
}

/** The first stores of one of the dashboard's counts, each a link to its page. */
export const StoreShortList = ({ title, empty, stores, more, secondary }: Props) => (
  <Card sx={{ flex: 1, width: '100%', minWidth: 0 }} component="section" aria-label={title}>
    <CardContent sx={{ pb: 0 }}>
      <Typography variant="h6" component="h2">
        {title}
      </Typography>
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
            <ListItemButton component={Link} to={`/EcommerceStore/${store.id}`} sx={{ gap: 1, flexWrap: 'wrap' }}>
              <ListItemText primary={store.name} secondary={secondary(store)} sx={{ minWidth: 200 }} />
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
