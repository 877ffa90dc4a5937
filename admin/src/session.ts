/**
 * The sign-in token from `login`. It lives in sessionStorage: it survives a reload but not
 * closing the tab, and is never written to localStorage or a cookie readable by other tabs.
 */
const TOKEN_KEY = 'storelink.session';

export const session = {
  token(): string | null {
    return sessionStorage.getItem(TOKEN_KEY);
  },
  save(token: string): void {
    sessionStorage.setItem(TOKEN_KEY, token);
  },
  clear(): void {
    sessionStorage.removeItem(TOKEN_KEY);
  },
};
