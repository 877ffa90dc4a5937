import { Alert, Box } from '@mui/material';
import { Title } from 'react-admin';

/** Where a viewer lands on an administrator's page by its URL: said plainly, with nothing that cannot work. */
export const AdminOnly = () => (
  <Box sx={{ mt: 2, maxWidth: 640 }}>
    <Title title="Administrators only" />
    <Alert severity="info" data-testid="admin-only">
      Only an administrator can add stores. Your account can view stores and test their connections.
    </Alert>
  </Box>
);
