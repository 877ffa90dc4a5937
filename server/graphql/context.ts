import type { User } from '../auth/user.entity';

/** What every resolver gets: who is calling (null when nobody signed in). */
export interface RequestContext {
  user: User | null;
}
