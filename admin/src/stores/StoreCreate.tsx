import { Typography } from '@mui/material';
import { Create, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import type { Platform } from '../types';
import { PLATFORM_NAMES } from './labels';

const PLATFORM_CHOICES = (Object.keys(PLATFORM_NAMES) as Platform[]).map((platform) => ({ id: platform, name: PLATFORM_NAMES[platform] }));

/** Adding a store takes its platform and name; the API credentials are entered on the store's page, where they can be tested. */
export const StoreCreate = () => (
  <Create title="Add an ecommerce store" redirect="edit">
    <SimpleForm defaultValues={{ platform: 'BIGCOMMERCE' }}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        After you save, you will enter the store's API credentials and test the connection.
      </Typography>
      <SelectInput
        source="platform"
        label="Platform"
        choices={PLATFORM_CHOICES}
        validate={required()}
        helperText="Where the store runs. It cannot be changed later."
        sx={{ maxWidth: 480 }}
      />
      <TextInput
        source="name"
        label="Store name"
        validate={required()}
        helperText="The name your team knows the store by, e.g. “Acme Outdoor”."
        sx={{ maxWidth: 480 }}
      />
    </SimpleForm>
  </Create>
);
