import type { UserRole } from '../generated/graphql';

/** A user as the list and edit pages receive it (ra-data-graphql-simple selects every field of User). */
export interface UserRecord {
  id: string;
  email: string;
  role: UserRole;
  disabled: boolean;
  disabledAt: string | null;
  createdAt: string;
}

export const userStatusLabel = (user: Pick<UserRecord, 'disabled'>) => (user.disabled ? 'Disabled' : 'Active');
