import { Typography } from '@mui/material';
import { Create, required, SimpleForm, TextInput } from 'react-admin';

/** Adding a store takes only its name; the API credentials are entered on the store's page, where they can be tested. */
export const StoreCreate = () => (
  <Create title="Add an ecommerce store" redirect="edit">
    <SimpleForm>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        Platform: BigCommerce. After you save, you will enter the store's API credentials and test the connection.
      </Typography>
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
