import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { IsNull, type DataSource, type Repository } from 'typeorm';
import { InvalidInputError, UnauthenticatedError } from '../common/errors';
import { hashPassword, MIN_PASSWORD_LENGTH, spendVerificationTime, verifyPassword } from './password-hasher';
import { Session } from './session.entity';
import { User } from './user.entity';
import { UserRole } from './user-role';

const SESSION_TOKEN_PREFIX = 'sls_';
const EMAIL = /^[^\s@]+@[^\s@]+$/;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export class AuthService {
  private readonly users: Repository<User>;
  private readonly sessions: Repository<Session>;

  constructor(
    dataSource: DataSource,
    private readonly options: { sessionTtlMs: number },
  ) {
    this.users = dataSource.getRepository(User);
    this.sessions = dataSource.getRepository(Session);
  }

  countUsers(): Promise<number> {
    return this.users.count();
  }

  async createUser(input: { email: string; password: string; role: UserRole }): Promise<User> {
    const email = input.email.trim().toLowerCase();
    if (!EMAIL.test(email)) throw new InvalidInputError('email', 'Enter a valid email address.');
    if (input.password.length < MIN_PASSWORD_LENGTH) {
      throw new InvalidInputError('password', `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`);
    }
    if (await this.users.existsBy({ email })) throw new InvalidInputError('email', 'A user with this email already exists.');
    const user = this.users.create({ id: randomUUID(), email, passwordHash: await hashPassword(input.password), role: input.role, disabledAt: null });
    await this.users.insert(user);
    return user;
  }

  /** Returns a new session token. Every failure gives the same answer, so it reveals nothing about which emails exist. */
  async login(email: string, password: string): Promise<{ token: string; user: User }> {
    const user = await this.users.findOneBy({ email: email.trim().toLowerCase() });
    if (!user || user.disabledAt !== null) {
      await spendVerificationTime(password);
      throw new UnauthenticatedError('The email or password is incorrect.');
    }
    if (!(await verifyPassword(user.passwordHash, password))) throw new UnauthenticatedError('The email or password is incorrect.');

    const token = SESSION_TOKEN_PREFIX + randomBytes(32).toString('base64url');
    await this.sessions.insert({
      id: randomUUID(),
      tokenHash: hashToken(token),
      userId: user.id,
      expiresAt: new Date(Date.now() + this.options.sessionTtlMs),
      revokedAt: null,
    });
    return { token, user };
  }

  /** The user a bearer token belongs to, or null when it is unknown, expired, revoked or its user is disabled. */
  async authenticate(token: string): Promise<User | null> {
    if (!token.startsWith(SESSION_TOKEN_PREFIX)) return null;
    const session = await this.sessions.findOne({ where: { tokenHash: hashToken(token), revokedAt: IsNull() }, relations: { user: true } });
    if (!session || session.expiresAt.getTime() <= Date.now() || session.user.disabledAt !== null) return null;
    return session.user;
  }
}
