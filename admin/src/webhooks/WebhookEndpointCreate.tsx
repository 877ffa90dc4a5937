import { Card, CardContent, Typography } from '@mui/material';
import { useState } from 'react';
import { CheckboxGroupInput, Form, SaveButton, TextInput, Title, required, useNotify, useRedirect } from 'react-admin';
import { submitOrFieldError } from '../common/submitOrFieldError';
import { graphqlClient } from '../graphqlClient';
import { EVENT_CHOICES } from './labels';
import { WebhookSecretShownOnce } from './WebhookSecretShownOnce';
import { CREATE_WEBHOOK_ENDPOINT } from './webhookOperations';
import type { WebhookEventType } from '../generated/graphql';

interface CreateValues {
  url: string;
  description?: string;
  events: WebhookEventType[];
}

/** A new endpoint; the server answers with its signing secret, shown here once. */
export const WebhookEndpointCreate = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  const [created, setCreated] = useState<{ id: string; secret: string } | null>(null);

  const save = (values: Record<string, unknown>) =>
    submitOrFieldError(async () => {
      const { url, description, events } = values as unknown as CreateValues;
      const { data } = await graphqlClient.mutate({ mutation: CREATE_WEBHOOK_ENDPOINT, variables: { url, events, description: description || null } });
      setCreated({ id: data!.createWebhookEndpoint.endpoint.id, secret: data!.createWebhookEndpoint.secret });
    }, notify);

  return (
    <Card sx={{ mt: 2, maxWidth: 760 }}>
      <Title title="Add a webhook" />
      <CardContent>
        <Typography variant="h6" component="h1" gutterBottom>
          Add a webhook
        </Typography>
        {created ? (
          <WebhookSecretShownOnce secret={created.secret} onDone={() => redirect('edit', 'WebhookEndpoint', created.id)} />
        ) : (
          <Form onSubmit={save} defaultValues={{ events: ['CONNECTION_FAILED', 'CONNECTION_RECOVERED'] }}>
            <TextInput source="url" label="URL" validate={required()} fullWidth helperText="Where storelink posts the alerts, e.g. https://alerts.example.com/storelink" />
            <TextInput source="description" label="Description" fullWidth />
            <CheckboxGroupInput source="events" label="Events to send" choices={EVENT_CHOICES} row={false} validate={required()} />
            <SaveButton label="Create webhook" alwaysEnable />
          </Form>
        )}
      </CardContent>
    </Card>
  );
};
