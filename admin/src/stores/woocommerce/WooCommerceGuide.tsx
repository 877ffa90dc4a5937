import KeyIcon from '@mui/icons-material/Key';
import { Box, Button, Paper, Typography } from '@mui/material';
import { useFormContext } from 'react-hook-form';
import { useIsViewer } from '../../useIsViewer';
import type { StoreFormValues } from '../credentialsForm';
import { GuideChecklist } from '../GuideChecklist';
import { API_VERSION_NAMES, LABELS, WOOCOMMERCE_LABELS as WOO, WOOCOMMERCE_REQUIRED_ACCESS } from '../labels';

/**
 * How to make the REST API key storelink needs, beside the fields it goes into: where in
 * WooCommerce, which permission, which user, and what to paste where. The words are
 * WooCommerce's own, so a merchant finds each one on the page it names.
 */
export const WooCommerceGuide = () => {
  const { setValue } = useFormContext<StoreFormValues>();
  const viewer = useIsViewer();
  const chooseRestKey = () => setValue('apiVersion', 'WOOCOMMERCE_REST', { shouldDirty: true });

  return (
    <Paper variant="outlined" component="section" aria-labelledby="woocommerce-guide-heading" sx={{ p: 2, width: '100%' }} data-testid="woocommerce-guide">
      <Typography variant="h6" id="woocommerce-guide-heading" gutterBottom>
        Connect a WooCommerce store
      </Typography>
      <Typography variant="body2" sx={{ mb: 2 }}>
        storelink connects with a WooCommerce REST API key whose permission is {WOO.permissionReadWrite}. Its connection test changes nothing in
        the shop.
      </Typography>

      <Box component="ol" sx={{ m: 0, pl: 2.5, '& > li': { mb: 1.5 } }}>
        <li>
          <Typography variant="body2">
            In WordPress, go to <strong>{WOO.keysPage}</strong> and click <strong>{WOO.addKey}</strong>.
          </Typography>
        </li>
        <li>
          <Typography variant="body2">
            Give it a description such as “storelink”. As <strong>User</strong>, choose an <strong>Administrator</strong> or a{' '}
            <strong>Shop manager</strong>: the key may do only what its user may. As <strong>Permissions</strong>, choose{' '}
            <strong>{WOO.permissionReadWrite}</strong>. storelink needs:
          </Typography>
          <GuideChecklist
            label="Access the key needs"
            testId="woocommerce-required-access"
            items={WOOCOMMERCE_REQUIRED_ACCESS.map(({ scope, needs }) => `${scope}: ${needs}`)}
          />
          <Typography variant="body2" color="text.secondary">
            Click <strong>Generate API key</strong>. WooCommerce shows the consumer secret only once: keep the page open for the next step.
          </Typography>
        </li>
        <li>
          <Typography variant="body2" sx={{ mb: 1 }}>
            Under <strong>{LABELS.apiAccess}</strong>, set <strong>{LABELS.apiVersion}</strong> to “{API_VERSION_NAMES.WOOCOMMERCE_REST}”. Enter the
            address of the WordPress site into <strong>{WOO.siteUrl}</strong>, paste the consumer key (ck_…) into <strong>{WOO.consumerKey}</strong>{' '}
            and the consumer secret (cs_…) into <strong>{WOO.consumerSecret}</strong>.
          </Typography>
          <Button size="small" variant="outlined" startIcon={<KeyIcon />} onClick={chooseRestKey} disabled={viewer}>
            Use a {API_VERSION_NAMES.WOOCOMMERCE_REST}
          </Button>
        </li>
        <li>
          <Typography variant="body2">
            Click <strong>{LABELS.testBeforeSaving}</strong>: Orders, Products and Customers should each show ✓. Then click <strong>Save</strong>.
          </Typography>
        </li>
      </Box>
    </Paper>
  );
};
