import KeyIcon from '@mui/icons-material/Key';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import type { ReactNode } from 'react';
import { testBeforeSavingStep, type Guide, type GuideStep } from '../GuideCard';
import { SHOPIFY_LABELS as SHOPIFY, SHOPIFY_SCOPES } from '../labels';

/*
 * The steps follow Shopify's own docs for a Dev Dashboard app that gets its tokens with the
 * client credentials grant ("Create apps using the Dev Dashboard" and "Authenticate an app for
 * stores in your organization" on shopify.dev): create the app, choose its access scopes in a
 * version and release it, install it on the store, then take the Client ID and Client secret from
 * the app's Settings. Shopify grants such tokens only to an app of the organization that owns the store.
 */

const CREATE_THE_APP: GuideStep = {
  text: (
    <>
      In the Shopify <strong>Dev Dashboard</strong> (dev.shopify.com), signed in as a user with app development permissions in the organization that owns
      this shop, go to <strong>Apps</strong>, click <strong>Create app</strong>, choose <strong>Start from Dev Dashboard</strong>, name the app (e.g.
      “storelink”) and click <strong>Create</strong>.
    </>
  ),
};

const CHOOSE_THE_SCOPES: GuideStep = {
  text: (
    <>
      On the app’s <strong>Versions</strong> tab, under <strong>Access</strong>, click <strong>Select scopes</strong> and choose these Admin API access
      scopes:
    </>
  ),
  checklist: { label: 'Access scopes to choose', testId: 'required-scopes', items: SHOPIFY_SCOPES.map(({ handle, name }) => ({ primary: name, secondary: handle })) },
  note: (
    <>
      Choose no others (a write_ scope includes its read_ one): storelink warns about scopes it does not need. Then click <strong>Release</strong>.
    </>
  ),
};

const INSTALL_THE_APP: GuideStep = {
  text: (
    <>
      On the app’s <strong>Home</strong> page, click <strong>Install app</strong>, install it on this shop and approve the access scopes it asks for.
    </>
  ),
};

/** Where the client ID and secret go; the shop is `shop` (already there when migrating). */
const pasteTheCredentials = (verb: 'Switch to' | 'Use a', icon: typeof KeyIcon, shop: ReactNode): GuideStep => ({
  choose: { apiVersion: 'SHOPIFY_CLIENT_CREDENTIALS', verb, icon },
  text: (
    <>
      then copy the <strong>Client ID</strong> and the <strong>Client secret</strong> from the app’s <strong>Settings</strong> in the Dev Dashboard into{' '}
      <strong>{SHOPIFY.clientId}</strong> and <strong>{SHOPIFY.clientSecret}</strong>. {shop}
    </>
  ),
});

/**
 * From a custom app made in the Shopify admin (a static Admin API access token; none can be made
 * since 1 January 2026) to a Dev Dashboard app installed on the shop, whose client ID and secret
 * storelink exchanges for access tokens itself. The old token keeps working until the new app passes its test.
 */
export const SHOPIFY_MIGRATION_GUIDE: Guide = {
  id: 'migration-guide',
  migration: true,
  heading: 'Migrate to a Dev Dashboard app',
  intro:
    'This store connects with a custom app made in the Shopify admin. Shopify no longer lets anyone make such apps (since 1 January 2026); the ones there are keep working. This token keeps working here until you save a Dev Dashboard app that passes the connection test.',
  steps: [
    CREATE_THE_APP,
    CHOOSE_THE_SCOPES,
    INSTALL_THE_APP,
    pasteTheCredentials('Switch to', SwapHorizIcon, 'The shop stays as it is.'),
    testBeforeSavingStep('every scope should show ✓.'),
    {
      text: (
        <>
          Click <strong>Save</strong>. storelink tests the app first and keeps the old token if the test fails. Once saved, it asks Shopify for a new access
          token about once a day by itself; you can then uninstall the old custom app.
        </>
      ),
    },
  ],
};

/** How to connect a Shopify store that is not on a custom app's token: the same Dev Dashboard app, from the start. */
export const SHOPIFY_SETUP_GUIDE: Guide = {
  id: 'shopify-guide',
  heading: 'Connect a Shopify store',
  intro:
    'storelink connects with a Dev Dashboard app installed on the shop: it exchanges the app’s client ID and secret for access tokens itself, and never shows them. Its connection test changes nothing in the shop.',
  steps: [
    CREATE_THE_APP,
    CHOOSE_THE_SCOPES,
    INSTALL_THE_APP,
    pasteTheCredentials(
      'Use a',
      KeyIcon,
      <>
        Enter the shop into <strong>{SHOPIFY.shop}</strong> as acme or acme.myshopify.com.
      </>,
    ),
    testBeforeSavingStep('every scope should show ✓.'),
    {
      text: (
        <>
          Click <strong>Save</strong>. storelink tests the app first and saves it only if the test passes; from then on it asks Shopify for a new access token
          about once a day by itself.
        </>
      ),
    },
  ],
};
