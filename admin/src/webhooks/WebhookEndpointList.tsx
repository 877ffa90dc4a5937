import { Chip, Stack, useMediaQuery, type Theme } from '@mui/material';
import { DataTable, DateField, List, SimpleList } from 'react-admin';
import { EVENT_LABELS, type WebhookEndpointRecord } from './labels';

const Status = ({ endpoint }: { endpoint: WebhookEndpointRecord }) =>
  endpoint.enabled ? <Chip size="small" color="success" label="Enabled" /> : <Chip size="small" color="warning" label="Disabled" title={endpoint.disabledReason ?? undefined} />;

/** Settings > Webhooks: where storelink sends its alerts. */
export const WebhookEndpointList = () => {
  const phone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  return (
    <List<WebhookEndpointRecord> title="Webhooks" exporter={false} sort={{ field: 'createdAt', order: 'DESC' }}>
      {phone ? (
        <SimpleList<WebhookEndpointRecord>
          primaryText={(endpoint) => endpoint.url}
          secondaryText={(endpoint) => endpoint.events.map((event) => EVENT_LABELS[event] ?? event).join(', ')}
          tertiaryText={(endpoint) => (endpoint.enabled ? 'Enabled' : 'Disabled')}
          linkType="edit"
        />
      ) : (
        <DataTable<WebhookEndpointRecord> bulkActionButtons={false} rowClick="edit">
          <DataTable.Col<WebhookEndpointRecord> source="url" label="URL" />
          <DataTable.Col<WebhookEndpointRecord> source="description" label="Description" render={(endpoint) => endpoint.description ?? '—'} />
          <DataTable.Col<WebhookEndpointRecord>
            source="events"
            label="Events"
            disableSort
            render={(endpoint) => (
              <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap' }}>
                {endpoint.events.map((event) => (
                  <Chip key={event} size="small" variant="outlined" label={EVENT_LABELS[event] ?? event} />
                ))}
              </Stack>
            )}
          />
          <DataTable.Col<WebhookEndpointRecord> source="enabled" label="Status" render={(endpoint) => <Status endpoint={endpoint} />} />
          <DataTable.Col<WebhookEndpointRecord> source="secretLast4" label="Secret" disableSort render={(endpoint) => `whsec_…${endpoint.secretLast4}`} />
          <DataTable.Col<WebhookEndpointRecord> source="createdAt" label="Created" render={() => <DateField source="createdAt" showTime />} />
        </DataTable>
      )}
    </List>
  );
};
