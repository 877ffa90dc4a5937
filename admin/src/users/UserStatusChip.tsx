import { Chip } from '@mui/material';
import { userStatusLabel, type UserRecord } from './labels';

export const UserStatusChip = ({ user }: { user: Pick<UserRecord, 'disabled'> }) => (
  <Chip size="small" color={user.disabled ? 'warning' : 'success'} variant={user.disabled ? 'filled' : 'outlined'} label={userStatusLabel(user)} />
);
