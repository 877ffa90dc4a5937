import { Box, Button, Chip } from '@mui/material';
import { DataTable, DateField, ReferenceManyField, useNotify, useRefresh } from 'react-admin';
import { toStorelinkError } from '../errors';
import { graphqlClient } from '../graphqlClient';
import { useIsViewer } from '../useIsViewer';
import { EVENT_LABELS, type WebhookDeliveryRecord } from './labels';
import { REDELIVER_WEBHOOK } from './webhookOperations';

const STATUS_COLOURS = { PENDING: 'info', DELIVERED: 'success', FAILED: 'error' } as const;

const Redeliver = ({ delivery }: { delivery: WebhookDeliveryRecord }) => {
  const notify = useNotify();
  const refresh = useRefresh();
  const redeliver = async () => {
    try {
      await graphqlClient.mutate({ mutation: REDELIVER_WEBHOOK, variables: { deliveryId: delivery.id } });
      notify('Queued again, with the same webhook-id.', { type: 'info' });
      refresh();
    } catch (error) {
      notify(toStorelinkError(error).message, { type: 'error' });
    }
  };
  return (
    <Button size="small" onClick={redeliver}>
      Redeliver
    </Button>
  );
};

const Answer = ({ delivery }: { delivery: WebhookDeliveryRecord }) => {
  if (delivery.lastError) return <span>{delivery.lastError}</span>;
  if (delivery.responseStatus !== null) return <span>{delivery.responseStatus}</span>;
  return <span>{delivery.attempts === 0 ? 'not sent yet' : '—'}</span>;
};

/** The endpoint's delivery log, newest first: what was sent, how it went, when it is tried next. */
export const WebhookDeliveries = () => {
  const isViewer = useIsViewer();
  // The log scrolls sideways in its own box on a narrow screen, instead of widening the page.
  return (
    <Box sx={{ width: '100%', maxWidth: 'calc(100vw - 32px)', overflowX: 'auto' }}>
    <ReferenceManyField<WebhookDeliveryRecord> reference="WebhookDelivery" target="endpointId" perPage={25} sort={{ field: 'createdAt', order: 'DESC' }}>
      <DataTable<WebhookDeliveryRecord> bulkActionButtons={false} rowClick={false} empty={<p>Nothing sent yet.</p>}>
        <DataTable.Col<WebhookDeliveryRecord> source="createdAt" label="Event at" render={() => <DateField source="createdAt" showTime />} />
        <DataTable.Col<WebhookDeliveryRecord> source="eventType" label="Event" render={(delivery) => EVENT_LABELS[delivery.eventType] ?? delivery.eventType} />
        <DataTable.Col<WebhookDeliveryRecord>
          source="status"
          label="Status"
          render={(delivery) => <Chip size="small" color={STATUS_COLOURS[delivery.status]} label={delivery.status.toLowerCase()} />}
        />
        <DataTable.Col<WebhookDeliveryRecord> source="attempts" label="Attempts" />
        <DataTable.Col<WebhookDeliveryRecord> source="responseStatus" label="Last answer" render={(delivery) => <Answer delivery={delivery} />} />
        <DataTable.Col<WebhookDeliveryRecord>
          source="nextAttemptAt"
          label="Next attempt"
          render={(delivery) => (delivery.nextAttemptAt ? <DateField source="nextAttemptAt" showTime /> : '—')}
        />
        <DataTable.Col<WebhookDeliveryRecord> source="eventId" label="webhook-id" disableSort />
        {!isViewer && <DataTable.Col<WebhookDeliveryRecord> label="" disableSort render={(delivery) => <Redeliver delivery={delivery} />} />}
      </DataTable>
    </ReferenceManyField>
    </Box>
  );
};
