import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import TaskAltIcon from '@mui/icons-material/TaskAlt';
import { Box, Button, List, ListItem, ListItemIcon, ListItemText, Paper, Typography } from '@mui/material';
import { useFormContext } from 'react-hook-form';
import { useIsViewer } from '../../useIsViewer';
import type { StoreFormValues } from '../credentialsForm';
import { API_VERSION_NAMES, LABELS, SHOPIFY_LABELS, SHOPIFY_SCOPES } from '../labels';

/**
 * The steps from a custom app made in the Shopify admin (a static Admin API access token; none
 * can be made since 1 January 2026) to a Dev Dashboard app installed on the shop, whose client
 * ID and secret storelink exchanges for access tokens itself. The old token keeps working until
 * the new app passes its test.
 */
export const ShopifyMigrationGuide = () => {
  const { setValue } = useFormContext<StoreFormValues>();
  const viewer = useIsViewer();
  const switchToClientCredentials = () => setValue('apiVersion', 'SHOPIFY_CLIENT_CREDENTIALS', { shouldDirty: true });

  return (
    <Paper
      variant="outlined"
      component="section"
      aria-labelledby="migration-heading"
      sx={{ p: 2, width: '100%', borderColor: 'warning.main', bgcolor: 'rgba(237, 108, 2, 0.04)' }}
      data-testid="migration-guide"
    >
      <Typography variant="h6" id="migration-heading" gutterBottom>
        Migrate to a Dev Dashboard app
      </Typography>
      <Typography variant="body2" sx={{ mb: 2 }}>
        This store connects with a custom app made in the Shopify admin. Shopify no longer lets anyone make such apps (since 1 January
        2026); the ones there are keep working. This token keeps working here until you save a Dev Dashboard app that passes the
        connection test.
      </Typography>

      <Box component="ol" sx={{ m: 0, pl: 2.5, '& > li': { mb: 1.5 } }}>
        <li>
          <Typography variant="body2">
            In the Shopify <strong>Dev Dashboard</strong> (dev.shopify.com, signed in as the store owner or a staff member with app
            permissions), click <strong>Create app</strong>, and in the app’s <strong>Versions</strong> choose these Admin API access
            scopes:
          </Typography>
          <List dense disablePadding aria-label="Access scopes to choose" data-testid="required-scopes">
            {SHOPIFY_SCOPES.map(({ handle, name }) => (
              <ListItem key={handle} disableGutters sx={{ py: 0 }}>
                <ListItemIcon sx={{ minWidth: 32 }}>
                  <TaskAltIcon fontSize="small" color="action" />
                </ListItemIcon>
                <ListItemText primary={name} secondary={handle} />
              </ListItem>
            ))}
          </List>
          <Typography variant="body2" color="text.secondary">
            Choose no others: storelink warns about scopes it does not need. Release the version.
          </Typography>
        </li>
        <li>
          <Typography variant="body2">
            Install the app on this shop (the app’s <strong>Home</strong> page, <strong>Install app</strong>), and approve the scopes.
          </Typography>
        </li>
        <li>
          <Typography variant="body2" sx={{ mb: 1 }}>
            Under <strong>{LABELS.apiAccess}</strong>, set <strong>{LABELS.apiVersion}</strong> to “{API_VERSION_NAMES.SHOPIFY_CLIENT_CREDENTIALS}”,
            then copy the <strong>Client ID</strong> and the <strong>Secret</strong> from the app’s <strong>Settings</strong> in the Dev
            Dashboard into <strong>{SHOPIFY_LABELS.clientId}</strong> and <strong>{SHOPIFY_LABELS.clientSecret}</strong>. The shop stays as
            it is.
          </Typography>
          <Button size="small" variant="outlined" startIcon={<SwapHorizIcon />} onClick={switchToClientCredentials} disabled={viewer}>
            Switch to {API_VERSION_NAMES.SHOPIFY_CLIENT_CREDENTIALS}
          </Button>
        </li>
        <li>
          <Typography variant="body2">
            Click <strong>{LABELS.testBeforeSaving}</strong>: every scope should show ✓.
          </Typography>
        </li>
        <li>
          <Typography variant="body2">
            Click <strong>Save</strong>. storelink tests the app first and keeps the old token if the test fails. Once saved, it asks
            Shopify for a new access token about once a day by itself; you can then uninstall the old custom app.
          </Typography>
        </li>
      </Box>
    </Paper>
  );
};
