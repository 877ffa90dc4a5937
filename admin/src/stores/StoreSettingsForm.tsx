import { Box, CardContent, Divider, Stack, Typography } from '@mui/material';
import { BooleanInput, DeleteButton, Form, required, SaveButton, TextInput, Toolbar } from 'react-admin';
import type { EcommerceStore } from '../types';
import { ApiAccessSection } from './ApiAccessSection';
import { ConnectionTestSection } from './ConnectionTestSection';
import { toFormValues } from './credentialsForm';
import { MigrationGuide } from './MigrationGuide';
import { SaveRefusedPanel } from './SaveRefusedPanel';
import { useSaveStore } from './useSaveStore';

/**
 * The store's settings in the order of the migration guide: (for a Legacy store) how to
 * migrate, the store's name, "API access", Save, and at the bottom "Test API connection".
 *
 * The form's record holds only form values, so that a refreshed store (e.g. after a connection
 * test) does not reset what the admin is typing.
 */
export const StoreSettingsForm = ({ store }: { store: EcommerceStore }) => {
  const { save, refusal } = useSaveStore(store);

  return (
    <Form record={{ id: store.id, ...toFormValues(store) }} onSubmit={save as never} noValidate>
      <CardContent>
        <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
          {store.needsMigration && <MigrationGuide />}

          <Box component="section" aria-labelledby="store-heading" sx={{ width: '100%', maxWidth: 640 }}>
            <Typography variant="h6" id="store-heading" gutterBottom>
              Store
            </Typography>
            <TextInput source="name" label="Name" validate={required('The store needs a name.')} fullWidth />
          </Box>

          <ApiAccessSection store={store} />

          <Box sx={{ width: '100%', maxWidth: 640, pt: 2 }}>
            <BooleanInput
              source="verify"
              label="Test new API access before saving it (recommended)"
              helperText="If the test fails, nothing is saved and the store keeps its current API access."
            />
          </Box>

          {refusal && <SaveRefusedPanel result={refusal} store={store} />}
        </Stack>
      </CardContent>
      <Toolbar sx={{ justifyContent: 'space-between' }}>
        <SaveButton label="Save" />
        <DeleteButton
          mutationMode="pessimistic"
          confirmTitle={`Delete the store “${store.name}”?`}
          confirmContent="storelink forgets this store and its saved API credentials. Nothing changes in the store itself."
        />
      </Toolbar>
      <Divider />
      <CardContent>
        <ConnectionTestSection store={store} />
      </CardContent>
    </Form>
  );
};
