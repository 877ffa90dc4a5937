import { ConfigError } from '../config';
import { InvalidInputError } from '../common/errors';
import type { Logger } from '../common/logger';
import type { UserService } from './user.service';
import { UserRole } from '../common/user-role';

/** On an empty installation, creates the first admin from ADMIN_EMAIL/ADMIN_PASSWORD, or says how to. */
export async function ensureInitialAdmin(users: UserService, admin: { email: string; password: string } | undefined, logger: Logger) {
  if ((await users.countUsers()) > 0) return;
  if (!admin) {
    logger.warn('No user exists yet. Restart with ADMIN_EMAIL and ADMIN_PASSWORD set to create the first admin.');
    return;
  }
  const user = await users.createUser({ ...admin, role: UserRole.ADMIN }).catch((error: unknown) => {
    if (error instanceof InvalidInputError) throw new ConfigError(`ADMIN_${error.field.toUpperCase()}: ${error.message}`);
    throw error;
  });
  logger.info({ email: user.email }, 'Created the first admin user from ADMIN_EMAIL.');
}
