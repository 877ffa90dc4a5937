import { Admin, Resource } from 'react-admin';
import { authProvider } from './authProvider';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import { Layout } from './layout/Layout';
import { LoginPage } from './LoginPage';
import audit from './audit';
import stores from './stores';
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
    <Resource name="EcommerceStore" {...stores} />
    <Resource name="AuditEvent" {...audit} />
  </Admin>
);
