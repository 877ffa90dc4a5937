import { Card, CardContent, Typography } from '@mui/material';
import { useState } from 'react';
import { Form, SaveButton, SelectInput, TextInput, Title, maxLength, required, useNotify, useRedirect } from 'react-admin';
import { useSignInAgain } from '../account/useSignInAgain';
import { SecretShownOnce } from '../common/SecretShownOnce';
import { ROLE_CHOICES, ROLE_HELP } from '../common/roles';
import { submitOrFieldError } from '../common/submitOrFieldError';
import type { UserRole } from '../generated/graphql';
import { graphqlClient } from '../graphqlClient';
import { CREATE_API_KEY } from './apiKeyOperations';

interface CreateValues {
  name: string;
  role: UserRole;
}

/** A new key for a program; the server answers with the key itself, shown here once. */
export const ApiKeyCreate = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  const [created, setCreated] = useState<{ id: string; key: string } | null>(null);

  const signInAgain = useSignInAgain<CreateValues>((values) => save(values));
  const save = ({ name, role }: CreateValues) =>
    submitOrFieldError(
      async () => {
        const { data } = await graphqlClient.mutate({ mutation: CREATE_API_KEY, variables: { name, role } });
        setCreated({ id: data!.createApiKey.apiKey.id, key: data!.createApiKey.key });
      },
      notify,
      () => signInAgain.sessionEnded({ name, role }, 'Your session ended; the key was not created'),
    );

  return (
    <Card sx={{ mt: 2, maxWidth: 760 }}>
      <Title title="Create an API key" />
      <CardContent>
        <Typography variant="h6" component="h1" gutterBottom>
          Create an API key
        </Typography>
        {created ? (
          <SecretShownOnce secret={created.key} noun="API key" copyLabel="Copy key" testId="api-key-shown-once" onDone={() => redirect('show', 'ApiKey', created.id)}>
            Programs send it as &quot;Authorization: Bearer &lt;key&gt;&quot; with every request to /graphql. storelink keeps only a hash of it.
          </SecretShownOnce>
        ) : (
          <Form onSubmit={(values: Record<string, unknown>) => save(values as unknown as CreateValues)} defaultValues={{ role: 'VIEWER' }}>
            <TextInput
              source="name"
              label="Name"
              validate={[required(), maxLength(100)]}
              fullWidth
              helperText="Which program uses it, e.g. Order sync (production)."
            />
            <SelectInput source="role" label="Role" choices={ROLE_CHOICES} validate={required()} helperText={ROLE_HELP} fullWidth />
            <SaveButton label="Create key" alwaysEnable />
            {signInAgain.dialog}
          </Form>
        )}
      </CardContent>
    </Card>
  );
};
