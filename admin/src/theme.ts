import { defaultDarkTheme, defaultLightTheme, type RaThemeOptions } from 'react-admin';

/**
 * react-admin's default themes, with buttons and tabs in sentence case: the merchant guide says
 * click "Test API connection", and that is what the button should read, not TEST API CONNECTION.
 */
const asWritten = (theme: RaThemeOptions): RaThemeOptions => ({
  ...theme,
  typography: { ...theme.typography, button: { ...(theme.typography as { button?: object } | undefined)?.button, textTransform: 'none' } },
});

export const lightTheme = asWritten(defaultLightTheme);
export const darkTheme = asWritten(defaultDarkTheme);
