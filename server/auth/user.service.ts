import { randomUUID } from 'node:crypto';
import { IsNull, type DataSource, type EntityManager, type Repository, type SelectQueryBuilder } from 'typeorm';
import { AuditAction, AuditTargetType } from '../audit/audit-action';
import type { AuditService } from '../audit/audit.service';
import { InvalidInputError, NotFoundError } from '../common/errors';
import { type ListParams, pageOf, whereContains, whereIdIn } from '../common/list-params';
import { hashPassword, MIN_PASSWORD_LENGTH } from './password-hasher';
import { Session } from './session.entity';
import { User } from './user.entity';
import { UserRole } from '../common/user-role';

export interface UserListFilter {
  ids?: string[] | null;
  q?: string | null;
  role?: UserRole | null;
  disabled?: boolean | null;
}

const LIST_RULES = {
  alias: 'account',
  fields: ['id', 'email', 'role', 'createdAt', 'disabledAt', 'disabled'],
  defaultField: 'email',
  defaultOrder: 'ASC',
  maxPerPage: 500,
  // `disabled` is not a column: it sorts as disabledAt IS NOT NULL (enabled users first in ascending order).
  computed: { disabled: 'CASE WHEN account.disabledAt IS NULL THEN 0 ELSE 1 END' },
} as const;
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

  /** Every user, by email (the `users` query, kept for existing callers). */
  listAll(): Promise<User[]> {
    return this.users.find({ order: { email: 'ASC' } });
  }

  list(params: ListParams<UserListFilter>): Promise<User[]> {
    return pageOf(this.filtered(params.filter), params, LIST_RULES).getMany();
  }

  count(filter?: UserListFilter | null): Promise<number> {
    return this.filtered(filter).getCount();
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
    if (user.id === actingUserId) throw new InvalidInputError('id', 'You cannot disable your own account: ask another administrator.');
    if (user.disabledAt === null) {
      await this.dataSource.transaction(async (manager) => {
        if (user.role === UserRole.ADMIN) await this.keepAnotherAdmin(manager, user, 'id');
        const now = new Date();
        await manager.getRepository(User).update({ id }, { disabledAt: now });
        await manager.getRepository(Session).update({ userId: id, revokedAt: IsNull() }, { revokedAt: now });
        await this.audit.record({ action: AuditAction.USER_DISABLED, target: targetOf(user) }, manager);
      });
    }
    return this.findById(id);
  }

  /** Makes a user an admin or a viewer. Nobody changes their own role, and one enabled admin always remains. */
  async changeRole(id: string, role: UserRole, actingUserId: string | null): Promise<User> {
    const user = await this.findById(id);
    if (user.id === actingUserId) throw new InvalidInputError('role', 'You cannot change your own role: ask another administrator.');
    if (user.role !== role) {
      await this.dataSource.transaction(async (manager) => {
        if (user.role === UserRole.ADMIN && user.disabledAt === null) {
          await this.keepAnotherAdmin(manager, user, 'role');
        }
        await manager.getRepository(User).update({ id }, { role });
        await this.audit.record({ action: AuditAction.USER_ROLE_CHANGED, target: targetOf(user), detail: `role ${role}` }, manager);
      });
    }
    return this.findById(id);
  }

  /**
   * Refuses a change that would leave no enabled admin to manage storelink. On PostgreSQL the
   * enabled admins are locked (in id order, so two such changes cannot deadlock), so two admins
   * demoting each other at once cannot both succeed.
   */
  private async keepAnotherAdmin(manager: EntityManager, user: User, field: 'id' | 'role'): Promise<void> {
    const lock = this.dataSource.options.type === 'postgres' ? { mode: 'pessimistic_write' as const } : undefined;
    const admins = await manager.getRepository(User).find({ where: { role: UserRole.ADMIN, disabledAt: IsNull() }, order: { id: 'ASC' }, lock });
    if (!admins.some((admin) => admin.id !== user.id)) throw new InvalidInputError(field, 'It is the only administrator left: make another user an administrator first.');
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

  private filtered(filter?: UserListFilter | null): SelectQueryBuilder<User> {
    const query = this.users.createQueryBuilder('account');
    if (!filter) return query;
    whereIdIn(query, 'account.id', filter.ids);
    whereContains(query, ['account.email'], filter.q);
    if (filter.role) query.andWhere('account.role = :role', { role: filter.role });
    if (filter.disabled === true) query.andWhere('account.disabledAt IS NOT NULL');
    if (filter.disabled === false) query.andWhere('account.disabledAt IS NULL');
    return query;
  }
}

const targetOf = (user: User) => ({ type: AuditTargetType.USER, id: user.id, name: user.email });
