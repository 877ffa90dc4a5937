import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import { testBeforeSavingStep, type Guide } from '../GuideCard';
import { LABELS, REQUIRED_SCOPES, SCOPE_LEVEL_NAMES } from '../labels';

/**
 * The merchant guide's steps for a store still on a Legacy API account, beside the fields they
 * refer to. The Legacy account keeps working until a Store API account that passes its test is saved.
 */
export const BIGCOMMERCE_MIGRATION_GUIDE: Guide = {
  id: 'migration-guide',
  migration: true,
  heading: 'Migrate to a Store API account',
  intro:
    'BigCommerce deprecated Legacy API accounts in July 2018. This store still connects with one; it keeps working until you save a Store API account that passes the connection test.',
  steps: [
    {
      text: (
        <>
          In the BigCommerce control panel, go to <strong>Settings &gt; Store-level API accounts</strong> (older control panels:{' '}
          <strong>Advanced Settings &gt; API Accounts</strong>) and create an API account of type <strong>“V2/V3 API token”</strong> with exactly these
          OAuth scopes:
        </>
      ),
      checklist: {
        label: 'OAuth scopes to set',
        testId: 'required-scopes',
        items: REQUIRED_SCOPES.map(({ scope, level }) => ({ primary: `${scope} = ${SCOPE_LEVEL_NAMES[level]}` })),
      },
      note: 'Leave every other scope at None. Save, and keep the credentials BigCommerce shows you: it shows the Access Token only once.',
    },
    {
      choose: { apiVersion: 'STORE_API_OAUTH', verb: 'Switch to', icon: SwapHorizIcon },
      text: (
        <>
          then paste the API path into <strong>{LABELS.apiPath}</strong> (it looks like stores/abcd1234) and the Access Token into{' '}
          <strong>{LABELS.accessToken}</strong>.
        </>
      ),
    },
    testBeforeSavingStep('every scope should show ✓.'),
    {
      text: (
        <>
          Click <strong>Save</strong>. storelink tests the new account first and keeps the Legacy one if the test fails.
        </>
      ),
    },
  ],
};
