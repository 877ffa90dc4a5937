import PolicyIcon from '@mui/icons-material/Policy';
import { AuditEventList } from './AuditEventList';

/** The audit trail as a read-only react-admin resource: <Resource name="AuditEvent" {...audit} /> (admins only; viewers get FORBIDDEN). */
export default {
  icon: PolicyIcon,
  list: AuditEventList,
  options: { label: 'Audit' },
};
