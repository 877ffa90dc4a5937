import { randomUUID } from 'node:crypto';
import { IsNull, type DataSource, type Repository } from 'typeorm';
import { AuditAction, AuditTargetType } from '../audit/audit-action';
import type { AuditService } from '../audit/audit.service';
import { InvalidInputError, NotFoundError } from '../common/errors';
import { hashPassword, MIN_PASSWORD_LENGTH } from './password-hasher';
import { Session } from './session.entity';
import { User } from './user.entity';
import type { UserRole } from '../common/user-role';

const EMAIL = /^[^\s@]+@[^\s@]+$/;
const MAX_EMAIL_LENGTH = 320;

/** The people who sign in: created, listed, disabled and enabled by admins. */
export class UserService {
  private readonly users: Repository<User>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {
    this.users = dataSource.getRepository(User);
  }

  countUsers(): Promise<number> {
    return this.users.count();
  }

  list(): Promise<User[]> {
    return this.users.find({ order: { email: 'ASC' } });
  }

  async findById(id: string): Promise<User> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new NotFoundError('User', id);
    return user;
  }

  async createUser(input: { email: string; password: string; role: UserRole }): Promise<User> {
    const email = input.email.trim().toLowerCase();
    if (!EMAIL.test(email) || email.length > MAX_EMAIL_LENGTH) throw new InvalidInputError('email', 'Enter a valid email address.');
    if (input.password.length < MIN_PASSWORD_LENGTH) {
      throw new InvalidInputError('password', `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`);
    }
    if (await this.users.existsBy({ email })) throw new InvalidInputError('email', 'A user with this email already exists.');
    const user = this.users.create({ id: randomUUID(), email, passwordHash: await hashPassword(input.password), role: input.role, disabledAt: null });
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(User).insert(user);
      await this.audit.record({ action: AuditAction.USER_CREATED, target: targetOf(user), detail: `role ${user.role}` }, manager);
    });
    return this.findById(user.id);
  }

  /** Disables a user and ends their sessions at once. `actingUserId`: nobody can lock themselves out. */
  async disable(id: string, actingUserId: string | null): Promise<User> {
    const user = await this.findById(id);
    if (user.id === actingUserId) throw new InvalidInputError('id', 'You cannot disable your own account.');
    if (user.disabledAt === null) {
      await this.dataSource.transaction(async (manager) => {
        const now = new Date();
        await manager.getRepository(User).update({ id }, { disabledAt: now });
        await manager.getRepository(Session).update({ userId: id, revokedAt: IsNull() }, { revokedAt: now });
        await this.audit.record({ action: AuditAction.USER_DISABLED, target: targetOf(user) }, manager);
      });
    }
    return this.findById(id);
  }

  async enable(id: string): Promise<User> {
    const user = await this.findById(id);
    if (user.disabledAt !== null) {
      await this.dataSource.transaction(async (manager) => {
        await manager.getRepository(User).update({ id }, { disabledAt: null });
        await this.audit.record({ action: AuditAction.USER_ENABLED, target: targetOf(user) }, manager);
      });
    }
    return this.findById(id);
  }
}

const targetOf = (user: User) => ({ type: AuditTargetType.USER, id: user.id, name: user.email });
