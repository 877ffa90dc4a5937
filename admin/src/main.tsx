import { CssBaseline, ThemeProvider, createTheme, useMediaQuery } from '@mui/material';
import { StrictMode, Suspense, lazy, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { session } from './session';
import { signIn } from './signIn';
import { SignInPage } from './SignInPage';
import { darkTheme, lightTheme } from './theme';

/** The admin itself, downloaded only once someone signs in (or comes back with a session). */
const loadAdmin = () => import('./AdminApp');
const AdminApp = lazy(() => loadAdmin().then((module) => ({ default: module.AdminApp })));

/** The theme the admin last chose (react-admin keeps it in localStorage), else the system's. */
function useChosenTheme() {
  const prefersDark = useMediaQuery('(prefers-color-scheme: dark)');
  return useMemo(() => {
    let chosen: unknown = null;
    try {
      chosen = JSON.parse(localStorage.getItem('RaStore.theme') ?? 'null');
    } catch {
      // An unreadable preference: the system's.
    }
    const dark = chosen === 'dark' || (chosen !== 'light' && prefersDark);
    return createTheme(dark ? darkTheme : lightTheme);
  }, [prefersDark]);
}

const Root = () => {
  const [signedIn, setSignedIn] = useState(() => session.token() !== null);
  const theme = useChosenTheme();
  if (!signedIn) {
    return (
      <ThemeProvider theme={theme}>
        <CssBaseline />
        <SignInPage
          onStartTyping={() => void loadAdmin()}
          signIn={async (email, password) => {
            await signIn(email, password);
            // Signed in from the admin's own sign-in route: go on to the dashboard.
            if (window.location.hash.startsWith('#/login')) window.location.hash = '#/';
            setSignedIn(true);
          }}
        />
      </ThemeProvider>
    );
  }
  return (
    <Suspense fallback={null}>
      <AdminApp />
    </Suspense>
  );
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
