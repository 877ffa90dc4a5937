import type { UserRole } from '../generated/graphql';

/** The two roles as an admin reads them, for users and API keys alike. */
export const ROLE_LABELS: Record<UserRole, string> = {
  ADMIN: 'Administrator',
  VIEWER: 'Viewer (read-only)',
};

export const ROLE_CHOICES = (Object.keys(ROLE_LABELS) as UserRole[]).map((id) => ({ id, name: ROLE_LABELS[id] }));

export const roleLabel = (role: string) => ROLE_LABELS[role as UserRole] ?? role;

/** What each role may do, for a form's helper text. */
export const ROLE_HELP = 'Administrators change everything, including credentials, users and API keys. Viewers read stores and run connection tests.';
