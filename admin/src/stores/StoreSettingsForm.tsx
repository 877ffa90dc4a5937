import { Alert, Box, CardContent, Divider, Stack, Typography } from '@mui/material';
import { BooleanInput, DeleteButton, Form, required, SaveButton, TextInput, Toolbar } from 'react-admin';
import type { EcommerceStore } from '../types';
import { useIsViewer } from '../useIsViewer';
import { ApiAccessSection } from './ApiAccessSection';
import { ConnectionTestSection } from './ConnectionTestSection';
import { toFormValues } from './credentialsForm';
import { GuideCard } from './GuideCard';
import { guideFor } from './PlatformGuide';
import { LatestResultProvider } from './LatestResult';
import { SaveRefusedPanel } from './SaveRefusedPanel';
import { useSaveStore } from './useSaveStore';

/**
 * The store's settings in the order of the migration guide: the store's name, "API access",
 * Save, and at the bottom "Test API connection". For a Legacy store, the migration guide's steps
 * sit beside the fields they refer to (above them on narrow screens); for a platform with a setup
 * guide (Shopify, WooCommerce), that guide does.
 *
 * The form's record holds only form values, so that a refreshed store (e.g. after a connection
 * test) does not reset what the admin is typing.
 */
export const StoreSettingsForm = ({ store }: { store: EcommerceStore }) => (
  <LatestResultProvider>
    <SettingsForm store={store} />
  </LatestResultProvider>
);

const SettingsForm = ({ store }: { store: EcommerceStore }) => {
  const { save, sessionEndedDialog } = useSaveStore(store);
  const guide = guideFor(store);
  const viewer = useIsViewer();

  return (
    // A new version of the store (after a save) starts a fresh form: clean, Save disabled, no typed secret left in it.
    <Form key={store.version} record={{ id: store.id, ...toFormValues(store) }} onSubmit={save as never} noValidate disabled={viewer}>
      <CardContent>
        {viewer && (
          <Alert severity="info" sx={{ mb: 2, maxWidth: 640 }} data-testid="view-only">
            You have view-only access: you can see this store and test its saved connection, but only an administrator can change it.
          </Alert>
        )}
        <Box sx={{ display: 'flex', flexDirection: { xs: 'column', lg: 'row' }, gap: 3, alignItems: 'flex-start' }}>
          {guide && (
            <Box
              sx={{ order: { lg: 1 }, flex: '1 1 400px', minWidth: 0, maxWidth: { xs: 640, lg: 560 }, position: { lg: 'sticky' }, top: { lg: 72 } }}
            >
              <GuideCard guide={guide} />
            </Box>
          )}
          <Stack spacing={1} sx={{ flex: '1 1 560px', minWidth: 0, maxWidth: 640, width: '100%' }}>
            <Box component="section" aria-labelledby="store-heading">
              <Typography variant="h6" id="store-heading" gutterBottom>
                Store
              </Typography>
              <TextInput source="name" label="Name" validate={required('The store needs a name.')} fullWidth />
            </Box>

            <ApiAccessSection store={store} readOnly={viewer} />

            {!viewer && (
              <Box sx={{ pt: 2 }}>
                <BooleanInput
                  source="verify"
                  label="Test new API access before saving it (recommended)"
                  helperText="If the test fails, nothing is saved and the store keeps its current API access."
                />
              </Box>
            )}

            <SaveRefusedPanel store={store} />
          </Stack>
        </Box>
      </CardContent>
      <Toolbar sx={{ justifyContent: 'space-between' }}>
        <SaveButton label="Save" disabled={viewer} />
        <DeleteButton
          disabled={viewer}
          mutationMode="pessimistic"
          confirmTitle={`Delete the store “${store.name}”?`}
          confirmContent="storelink forgets this store and its saved API credentials. Nothing changes in the store itself."
        />
      </Toolbar>
      {sessionEndedDialog}
      <Divider />
      <CardContent>
        <ConnectionTestSection store={store} />
      </CardContent>
    </Form>
  );
};
