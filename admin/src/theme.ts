import { defaultDarkTheme, defaultLightTheme, type RaThemeOptions } from 'react-admin';

/**
 * react-admin's default themes, with:
 * - buttons and tabs in sentence case: the merchant guide says click "Test API connection", and
 *   that is what the button should read, not TEST API CONNECTION;
 * - a visible focus ring on every control reached by keyboard (Material UI only tints some), and
 *   a name for every progress indicator;
 * - colours whose text reaches WCAG AA contrast (4.5:1) on the backgrounds they are used on: in
 *   the light theme the app bar's blue (#2196f3 under white text is 3.1:1), links and buttons, the
 *   warning orange and the error red (the Delete button on the grey toolbar); in the dark theme the
 *   error red of chips and buttons (white on #f44336 is 3.7:1, #f44336 on the toolbar 2.7:1).
 */
const accessible = (color: string) => ({
  // react-admin's loading indicators have no name of their own; a screen reader should still say what they are.
  MuiCircularProgress: { defaultProps: { 'aria-label': 'Loading' } },
  MuiLinearProgress: { defaultProps: { 'aria-label': 'Working' } },
  MuiCssBaseline: {
    styleOverrides: {
      // Text fields show their focus with their underline; everything else gets the ring.
      'body :focus-visible:not(input):not(textarea)': { outline: `2px solid ${color}`, outlineOffset: 2 },
    },
  },
});

const adjusted = (theme: RaThemeOptions, focusColor: string, palette: object = {}): RaThemeOptions => ({
  ...theme,
  palette: { ...theme.palette, ...palette },
  typography: { ...theme.typography, button: { ...(theme.typography as { button?: object } | undefined)?.button, textTransform: 'none' } },
  components: { ...theme.components, ...accessible(focusColor) },
});

export const lightTheme = adjusted(defaultLightTheme, '#1565c0', {
  primary: { main: '#1565c0', contrastText: '#fff' },
  secondary: { light: '#5e92f3', main: '#1565c0', dark: '#003c8f', contrastText: '#fff' },
  warning: { main: '#b45309', contrastText: '#fff' },
  error: { main: '#b71c1c', contrastText: '#fff' },
});
export const darkTheme = adjusted(defaultDarkTheme, '#90caf9', {
  error: { main: '#ef9a9a', contrastText: 'rgba(0, 0, 0, 0.87)' },
});
