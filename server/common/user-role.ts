import { stringEnum, type EnumValue } from './string-enum';

export const UserRole = stringEnum(
  /** Everything, including credentials, users and API keys. */
  'ADMIN',
  /** Reads stores and runs connection tests; changes nothing. */
  'VIEWER',
);
export type UserRole = EnumValue<typeof UserRole>;
