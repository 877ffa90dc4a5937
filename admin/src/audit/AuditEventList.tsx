import type { MouseEvent } from 'react';
import { Chip, Stack, Typography, useMediaQuery, type Theme } from '@mui/material';
import { DataTable, DateField, Link, List, SearchInput, SelectArrayInput, SelectInput, SimpleList } from 'react-admin';
import { formatDateTime } from '../format';
import { AuditEventDetails } from './AuditEventDetails';
import { actorLabel, AUDIT_ACTION_CHOICES, AUDIT_ACTION_LABELS, changeInWords, type AuditChange } from './labels';

/** An entry as the API returns it (AuditEvent in schema.graphql). It never holds a secret. */
export interface AuditEventRecord extends AuditChange {
  id: string;
  occurredAt: string;
  success: boolean;
  actorType: 'USER' | 'API_KEY' | 'ANONYMOUS' | 'SYSTEM';
  actorName: string | null;
  ip: string | null;
  targetType: string | null;
  targetId: string | null;
  targetName: string | null;
}

const auditFilters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search by user, key or store" />,
  <SelectArrayInput key="actions" source="actions" label="What" choices={AUDIT_ACTION_CHOICES} />,
  <SelectInput
    key="success"
    source="success"
    label="Outcome"
    choices={[
      { id: true, name: 'Succeeded' },
      { id: false, name: 'Failed or refused' },
    ]}
  />,
];

const What = ({ event }: { event: AuditEventRecord }) => (
  <Stack direction="row" spacing={1} component="span" sx={{ alignItems: 'center' }}>
    <span>{AUDIT_ACTION_LABELS[event.action] ?? event.action}</span>
    {!event.success && <Chip size="small" color="warning" variant="outlined" label="failed" />}
  </Stack>
);

/** The store an event is about, as a link to it (the row's own click opens the event, not the store). */
const Target = ({ event }: { event: AuditEventRecord }) => {
  if (!event.targetName) return <span>—</span>;
  if (event.targetType === 'ECOMMERCE_STORE' && event.targetId && event.action !== 'STORE_DELETED') {
    return (
      <Link to={`/EcommerceStore/${event.targetId}`} onClick={(click: MouseEvent) => click.stopPropagation()}>
        {event.targetName}
      </Link>
    );
  }
  return <span>{event.targetName}</span>;
};

const AuditTable = () => (
  <DataTable<AuditEventRecord> bulkActionButtons={false} rowClick="expand" expand={<AuditEventDetails />}>
    <DataTable.Col<AuditEventRecord> source="occurredAt" label="When" render={() => <DateField source="occurredAt" showTime />} />
    <DataTable.Col<AuditEventRecord> source="action" label="What" render={(event) => <What event={event} />} />
    <DataTable.Col<AuditEventRecord> source="actorName" label="Who" render={(event) => actorLabel(event)} />
    <DataTable.Col<AuditEventRecord> source="ip" label="From" disableSort />
    <DataTable.Col<AuditEventRecord> source="targetName" label="On" render={(event) => <Target event={event} />} />
    <DataTable.Col<AuditEventRecord> label="Change" disableSort render={(event) => changeInWords(event) || '—'} />
  </DataTable>
);

/** On a phone: what happened and to what, who, the change and when, all on the row. */
const AuditSimpleList = () => (
  <SimpleList<AuditEventRecord>
    rowClick={false}
    primaryText={(event) => <What event={event} />}
    secondaryText={(event) => (
      <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'block' }}>
        {[formatDateTime(event.occurredAt), event.targetName !== event.actorName && event.targetName, actorLabel(event), changeInWords(event)].filter(Boolean).join(' · ')}
      </Typography>
    )}
  />
);

/** Admin > Audit: who did what, when, newest first. */
export const AuditEventList = () => {
  const small = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  return (
    <List<AuditEventRecord> title="Audit trail" filters={auditFilters} sort={{ field: 'occurredAt', order: 'DESC' }} perPage={50} exporter={false}>
      {small ? <AuditSimpleList /> : <AuditTable />}
    </List>
  );
};
