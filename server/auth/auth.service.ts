import { randomBytes, randomUUID } from 'node:crypto';
import { IsNull, Not, type DataSource, type Repository } from 'typeorm';
import { AuditAction, AuditActorType, AuditTargetType } from '../audit/audit-action';
import type { AuditService } from '../audit/audit.service';
import { InvalidInputError, UnauthenticatedError } from '../common/errors';
import type { ApiKeyService } from './api-key.service';
import type { Caller, Identified } from './caller';
import { entityOfRowMaker } from '../common/plain-rows';
import type { LoginThrottle } from './login-throttle';
import { hashPassword, MIN_PASSWORD_LENGTH, spendVerificationTime, verifyPassword } from './password-hasher';
import { Session } from './session.entity';
import { hashToken, sameDigest } from './token-hash';
import { User } from './user.entity';

export { hashToken } from './token-hash';

const SESSION_TOKEN_PREFIX = 'sls_';
const WRONG_CREDENTIALS = 'The email or password is incorrect.';

/** Where a request comes from, as far as the service needs to know (throttling). */
export interface ClientInfo {
  ip: string;
}

/** Sign-in, sign-out, sessions and passwords. Bearer tokens of both kinds are resolved here. */
export interface AuthOptions {
  sessionTtlMs: number;
  throttle: LoginThrottle;
  /**
   * An SQL expression read in the very statement that finds a request's caller (one round trip
   * instead of two, on every request), handed on as Identified.readWithCaller: the store list
   * cache's count of changes. Give ApiKeyService the same.
   */
  readWithCaller?: string;
}

export class AuthService {
  private readonly users: Repository<User>;
  private readonly sessions: Repository<Session>;
  /** The look-up of a live session and its user by the token's hash, compiled once: it runs on every signed-in request. */
  private readonly lookup: { sql: string; sessionOfRow: (row: Record<string, unknown>) => Session; userOfRow: (row: Record<string, unknown>) => User };

  constructor(
    private readonly dataSource: DataSource,
    private readonly apiKeys: ApiKeyService,
    private readonly audit: AuditService,
    private readonly options: AuthOptions,
  ) {
    this.users = dataSource.getRepository(User);
    this.sessions = dataSource.getRepository(Session);
    // One join query: findOne with a relation sends two (a DISTINCT sub-select for its LIMIT, then the join).
    const query = this.sessions
      .createQueryBuilder('session')
      .innerJoinAndSelect('session.user', 'user')
      .where('session.tokenHash = :tokenHash', { tokenHash: '' })
      .andWhere('session.revokedAt IS NULL');
    if (options.readWithCaller) query.addSelect(options.readWithCaller, 'readWithCaller');
    this.lookup = {
      sql: query.getQueryAndParameters()[0],
      sessionOfRow: entityOfRowMaker(dataSource, Session, 'session'),
      userOfRow: entityOfRowMaker(dataSource, User, 'user'),
    };
  }

  /**
   * Returns a new session token. Every failure gives the same answer, so it reveals nothing
   * about which emails exist; too many failures are refused before any password check.
   */
  async login(email: string, password: string, client: ClientInfo): Promise<{ token: string; user: User }> {
    const normalised = email.trim().toLowerCase();
    const attempt = await this.options.throttle.begin(normalised, client.ip);
    let settled = false;
    try {
      const user = await this.users.findOneBy({ email: normalised });
      const valid = user && user.disabledAt === null ? await verifyPassword(user.passwordHash, password) : await wasted(password);
      if (!user || !valid) {
        settled = true;
        const engaged = await attempt.failed();
        // The attempted email is recorded only when it is a user's: a password typed into
        // the email field must not end up in the audit trail.
        const target = user ? { type: AuditTargetType.USER, id: user.id, name: user.email } : null;
        const detail = !user ? 'unknown email' : user.disabledAt !== null ? 'user disabled' : 'wrong password';
        await this.audit.record({ action: AuditAction.LOGIN_FAILED, success: false, target, detail });
        if (engaged) await this.audit.record({ action: AuditAction.LOGIN_THROTTLED, success: false, target, detail: 'further attempts refused for a while' });
        throw new UnauthenticatedError(WRONG_CREDENTIALS);
      }
      settled = true;
      await attempt.succeeded();

      const token = SESSION_TOKEN_PREFIX + randomBytes(32).toString('base64url');
      await this.sessions.insert({
        id: randomUUID(),
        tokenHash: hashToken(token),
        userId: user.id,
        expiresAt: new Date(Date.now() + this.options.sessionTtlMs),
        revokedAt: null,
      });
      await this.audit.record({
        action: AuditAction.LOGIN_SUCCEEDED,
        actor: { type: AuditActorType.USER, id: user.id, name: user.email },
        target: { type: AuditTargetType.USER, id: user.id, name: user.email },
      });
      return { token, user };
    } finally {
      // An unexpected error counts as a failure: it must not hand out free attempts.
      if (!settled) await attempt.failed();
    }
  }

  /** Revokes the caller's session. An API key has no session: it is revoked with revokeApiKey. */
  async logout(caller: Caller): Promise<boolean> {
    if (caller.kind !== 'session') return false;
    await this.sessions.update({ id: caller.sessionId }, { revokedAt: new Date() });
    await this.audit.record({ action: AuditAction.LOGOUT, target: { type: AuditTargetType.USER, id: caller.user.id, name: caller.user.email } });
    return true;
  }

  /** Needs the current password (throttled like sign-in); revokes every other session of the user. */
  async changePassword(caller: Caller & { kind: 'session' }, currentPassword: string, newPassword: string, client: ClientInfo): Promise<User> {
    const user = await this.users.findOneByOrFail({ id: caller.user.id });
    const target = { type: AuditTargetType.USER, id: user.id, name: user.email };
    const attempt = await this.options.throttle.begin(user.email, client.ip);
    let valid = false;
    try {
      valid = await verifyPassword(user.passwordHash, currentPassword);
    } finally {
      if (valid) await attempt.succeeded();
      else await attempt.failed();
    }
    if (!valid) {
      await this.audit.record({ action: AuditAction.PASSWORD_CHANGE_FAILED, success: false, target, detail: 'wrong current password' });
      throw new InvalidInputError('currentPassword', 'The current password is incorrect.');
    }
    if (newPassword.length < MIN_PASSWORD_LENGTH) {
      throw new InvalidInputError('newPassword', `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`);
    }
    if (newPassword === currentPassword) throw new InvalidInputError('newPassword', 'The new password is the same as the current one.');

    const passwordHash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(User).update({ id: user.id }, { passwordHash });
      // Whoever else holds a session of this user (a stolen token, another browser) is signed out.
      await manager
        .getRepository(Session)
        .update({ userId: user.id, id: Not(caller.sessionId), revokedAt: IsNull() }, { revokedAt: new Date() });
      await this.audit.record({ action: AuditAction.PASSWORD_CHANGED, target }, manager);
    });
    return this.users.findOneByOrFail({ id: user.id });
  }

  /** Who a bearer token acts as, or null when it is unknown, expired, revoked, or its user is disabled. */
  async authenticate(token: string): Promise<Caller | null> {
    return (await this.identify(token)).caller;
  }

  /** authenticate, with what the look-up also read (AuthOptions.readWithCaller). */
  async identify(token: string): Promise<Identified> {
    if (!token.startsWith(SESSION_TOKEN_PREFIX)) return this.apiKeys.identify(token);
    const tokenHash = hashToken(token);
    // Compiled once, read as plain rows: TypeORM's query building and hydration cost more than the query, on every request.
    const [row]: Array<Record<string, unknown>> = await this.dataSource.query(this.lookup.sql, [tokenHash]);
    if (!row) return { caller: null };
    const session = this.lookup.sessionOfRow(row);
    const user = this.lookup.userOfRow(row);
    if (!sameDigest(session.tokenHash, tokenHash)) return { caller: null };
    if (session.expiresAt.getTime() <= Date.now() || user.disabledAt !== null) return { caller: null };
    return { caller: { kind: 'session', role: user.role, user, sessionId: session.id }, readWithCaller: row.readWithCaller };
  }
}

/** Spends the time a password check takes, so an unknown email answers as slowly as a wrong password. */
async function wasted(password: string): Promise<false> {
  await spendVerificationTime(password);
  return false;
}
