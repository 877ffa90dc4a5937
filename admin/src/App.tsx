import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { ChangePasswordPage } from './account/ChangePasswordPage';
import { authProvider } from './authProvider';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import { Layout } from './layout/Layout';
import { AdminOnly } from './layout/AdminOnly';
import { LoginPage } from './LoginPage';
import apiKeys from './apiKeys';
import audit from './audit';
import stores from './stores';
import users from './users';
import webhooks from './webhooks';
import { darkTheme, lightTheme } from './theme';

export const App = () => (
  <Admin
    title="storelink"
    authProvider={authProvider}
    dataProvider={dataProvider}
    i18nProvider={i18nProvider}
    loginPage={LoginPage}
    dashboard={Dashboard}
    layout={Layout}
    theme={lightTheme}
    darkTheme={darkTheme}
    requireAuth
    // The admin UI talks to its own server only (the CSP would block the telemetry request anyway).
    disableTelemetry
  >
    {(role: string | undefined) => (
      <>
        {/* A viewer gets the pages it may use: no store creation, no audit trail, users or API keys (the server would refuse them anyway). */}
        <Resource name="EcommerceStore" {...stores} create={role === 'ADMIN' ? stores.create : AdminOnly} />
        {role === 'ADMIN' && <Resource name="AuditEvent" {...audit} />}
        {role === 'ADMIN' && <Resource name="User" {...users} />}
        {role === 'ADMIN' && <Resource name="ApiKey" {...apiKeys} />}
        <Resource name="WebhookEndpoint" {...webhooks} create={role === 'ADMIN' ? webhooks.create : AdminOnly} />
        <Resource name="WebhookDelivery" />
        <CustomRoutes>
          <Route path="/account/password" element={<ChangePasswordPage />} />
        </CustomRoutes>
      </>
    )}
  </Admin>
);
