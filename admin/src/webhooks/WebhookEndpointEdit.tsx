import { Alert, Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import {
  BooleanInput,
  CheckboxGroupInput,
  Edit,
  SimpleForm,
  TextInput,
  Toolbar,
  SaveButton,
  DeleteButton,
  required,
  useNotify,
  useRecordContext,
  useRefresh,
} from 'react-admin';
import { toStorelinkError } from '../errors';
import { graphqlClient } from '../graphqlClient';
import { useIsViewer } from '../useIsViewer';
import { EVENT_CHOICES, type WebhookEndpointRecord } from './labels';
import { WebhookSecretShownOnce } from './WebhookSecretShownOnce';
import { WebhookDeliveries } from './WebhookDeliveries';
import { ROTATE_WEBHOOK_SECRET, SEND_TEST_WEBHOOK } from './webhookOperations';

const DisabledReason = () => {
  const endpoint = useRecordContext<WebhookEndpointRecord>();
  if (!endpoint || endpoint.enabled) return null;
  return (
    <Alert severity="warning" sx={{ mb: 2, width: '100%' }}>
      Disabled{endpoint.disabledReason ? `: ${endpoint.disabledReason}` : '.'} Nothing is sent until it is enabled again.
    </Alert>
  );
};

/** Rotate the secret (shown once) and send a test event. */
const EndpointActions = () => {
  const endpoint = useRecordContext<WebhookEndpointRecord>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [secret, setSecret] = useState<string | null>(null);
  if (!endpoint) return null;
  const rotate = async () => {
    if (!window.confirm('Make a new signing secret? The current one keeps signing beside it for 24 hours.')) return;
    try {
      const { data } = await graphqlClient.mutate({ mutation: ROTATE_WEBHOOK_SECRET, variables: { id: endpoint.id } });
      setSecret(data!.rotateWebhookSecret.secret);
      refresh();
    } catch (error) {
      notify(toStorelinkError(error).message, { type: 'error' });
    }
  };
  const sendTest = async () => {
    try {
      await graphqlClient.mutate({ mutation: SEND_TEST_WEBHOOK, variables: { id: endpoint.id } });
      notify('Test event queued: it appears in the delivery log below.', { type: 'info' });
      setTimeout(refresh, 1500);
    } catch (error) {
      notify(toStorelinkError(error).message, { type: 'error' });
    }
  };
  return (
    <Stack sx={{ width: '100%' }}>
      <Stack direction="row" spacing={1}>
        {/* MUI's Button: react-admin's shows only an icon on phones, and these have none. */}
        <Button size="small" variant="outlined" onClick={sendTest} disabled={!endpoint.enabled}>
          Send test event
        </Button>
        <Button size="small" variant="outlined" onClick={rotate}>
          Rotate secret
        </Button>
      </Stack>
      {secret && <WebhookSecretShownOnce secret={secret} onDone={() => setSecret(null)} />}
    </Stack>
  );
};

const EditToolbar = () => (
  <Toolbar sx={{ justifyContent: 'space-between' }}>
    <SaveButton />
    <DeleteButton mutationMode="pessimistic" confirmTitle="Delete this webhook?" confirmContent="Its delivery log goes with it, and pending deliveries are dropped." />
  </Toolbar>
);

/** One endpoint: what it receives, whether it is on, its secret and its delivery log. */
export const WebhookEndpointEdit = () => {
  const isViewer = useIsViewer();
  return (
    <Edit<WebhookEndpointRecord> mutationMode="pessimistic" title="Webhook">
      <SimpleForm toolbar={isViewer ? false : <EditToolbar />} disabled={isViewer}>
        <DisabledReason />
        <TextInput source="url" label="URL" validate={required()} fullWidth readOnly={isViewer} />
        <TextInput source="description" label="Description" fullWidth readOnly={isViewer} />
        <CheckboxGroupInput source="events" label="Events to send" choices={EVENT_CHOICES} row={false} disabled={isViewer} />
        <BooleanInput source="enabled" label="Enabled" disabled={isViewer} />
        <Typography variant="body2" color="text.secondary">
          Signing secret: whsec_…<RecordLast4 />
        </Typography>
        {!isViewer && <EndpointActions />}
        <Typography variant="h6" component="h2" sx={{ mt: 3 }}>
          Delivery log
        </Typography>
        <WebhookDeliveries />
      </SimpleForm>
    </Edit>
  );
};

const RecordLast4 = () => {
  const endpoint = useRecordContext<WebhookEndpointRecord>();
  return <>{endpoint?.secretLast4}</>;
};
