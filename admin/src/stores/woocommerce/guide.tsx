import KeyIcon from '@mui/icons-material/Key';
import { testBeforeSavingStep, type Guide } from '../GuideCard';
import { WOOCOMMERCE_LABELS as WOO, WOOCOMMERCE_REQUIRED_ACCESS } from '../labels';

/**
 * How to make the REST API key storelink needs, beside the fields it goes into: where in
 * WooCommerce, which permission, which user, and what to paste where. The words are
 * WooCommerce's own, so a merchant finds each one on the page it names.
 */
export const WOOCOMMERCE_GUIDE: Guide = {
  id: 'woocommerce-guide',
  heading: 'Connect a WooCommerce store',
  intro: `storelink connects with a WooCommerce REST API key whose permission is ${WOO.permissionReadWrite}. Its connection test changes nothing in the shop.`,
  steps: [
    {
      text: (
        <>
          In WordPress, go to <strong>{WOO.keysPage}</strong> and click <strong>{WOO.addKey}</strong>.
        </>
      ),
    },
    {
      text: (
        <>
          Give it a description such as “storelink”. As <strong>User</strong>, choose an <strong>Administrator</strong> or a <strong>Shop manager</strong>: the key
          may do only what its user may. As <strong>Permissions</strong>, choose <strong>{WOO.permissionReadWrite}</strong>. storelink needs:
        </>
      ),
      checklist: {
        label: 'Access the key needs',
        testId: 'woocommerce-required-access',
        items: WOOCOMMERCE_REQUIRED_ACCESS.map(({ scope, needs }) => ({ primary: `${scope}: ${needs}` })),
      },
      note: (
        <>
          Click <strong>Generate API key</strong>. WooCommerce shows the consumer secret only once: keep the page open for the next step.
        </>
      ),
    },
    {
      choose: { apiVersion: 'WOOCOMMERCE_REST', verb: 'Use a', icon: KeyIcon },
      text: (
        <>
          then enter the address of the WordPress site into <strong>{WOO.siteUrl}</strong>, paste the consumer key (ck_…) into <strong>{WOO.consumerKey}</strong> and
          the consumer secret (cs_…) into <strong>{WOO.consumerSecret}</strong>.
        </>
      ),
    },
    testBeforeSavingStep(
      <>
        Orders, Products and Customers should each show ✓. Then click <strong>Save</strong>.
      </>,
    ),
  ],
};
