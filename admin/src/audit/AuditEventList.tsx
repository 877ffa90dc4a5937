import { Chip, Stack, Typography } from '@mui/material';
import { DataTable, DateField, List, SearchInput, SelectArrayInput, SelectInput } from 'react-admin';
import { apiVersionLabel, AUDIT_ACTION_CHOICES, AUDIT_ACTION_LABELS } from './labels';

/** An entry as the API returns it (AuditEvent in schema.graphql). It never holds a secret. */
export interface AuditEventRecord {
  id: string;
  occurredAt: string;
  action: string;
  success: boolean;
  actorType: 'USER' | 'API_KEY' | 'ANONYMOUS' | 'SYSTEM';
  actorName: string | null;
  ip: string | null;
  targetType: string | null;
  targetName: string | null;
  changedFields: string[];
  oldApiVersion: string | null;
  newApiVersion: string | null;
  oldLast4: string | null;
  newLast4: string | null;
  detail: string | null;
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

const ACTOR_LABELS: Record<AuditEventRecord['actorType'], string> = { USER: '', API_KEY: 'API key', ANONYMOUS: 'not signed in', SYSTEM: 'system' };

const Actor = ({ event }: { event: AuditEventRecord }) => (
  <Stack>
    <span>{event.actorName ?? ACTOR_LABELS[event.actorType]}</span>
    {event.actorName && ACTOR_LABELS[event.actorType] && (
      <Typography variant="caption" color="text.secondary">
        {ACTOR_LABELS[event.actorType]}
      </Typography>
    )}
  </Stack>
);

/** Field names, API versions and last 4 characters: all the trail knows about a credential change. */
const Change = ({ event }: { event: AuditEventRecord }) => {
  const parts: string[] = [];
  if (event.changedFields.length) parts.push(event.changedFields.join(', '));
  if (event.oldApiVersion !== event.newApiVersion && (event.oldApiVersion || event.newApiVersion)) {
    parts.push(`${apiVersionLabel(event.oldApiVersion)} → ${apiVersionLabel(event.newApiVersion)}`);
  } else if (event.newApiVersion) {
    parts.push(apiVersionLabel(event.newApiVersion));
  }
  if (event.oldLast4 !== event.newLast4 && (event.oldLast4 || event.newLast4)) {
    parts.push(`secret …${event.oldLast4 ?? '—'} → …${event.newLast4 ?? '—'}`);
  } else if (event.newLast4) {
    parts.push(`secret …${event.newLast4}`);
  }
  if (event.detail) parts.push(event.detail);
  return <span>{parts.join(' · ') || '—'}</span>;
};

/** Admin > Audit: who did what, when, newest first. */
export const AuditEventList = () => (
  <List<AuditEventRecord> title="Audit trail" filters={auditFilters} sort={{ field: 'occurredAt', order: 'DESC' }} perPage={50} exporter={false}>
    <DataTable<AuditEventRecord> bulkActionButtons={false} rowClick={false}>
      <DataTable.Col<AuditEventRecord> source="occurredAt" label="When" render={() => <DateField source="occurredAt" showTime />} />
      <DataTable.Col<AuditEventRecord>
        source="action"
        label="What"
        render={(event) => (
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <span>{AUDIT_ACTION_LABELS[event.action] ?? event.action}</span>
            {!event.success && <Chip size="small" color="warning" label="failed" />}
          </Stack>
        )}
      />
      <DataTable.Col<AuditEventRecord> source="actorName" label="Who" render={(event) => <Actor event={event} />} />
      <DataTable.Col<AuditEventRecord> source="ip" label="From" disableSort />
      <DataTable.Col<AuditEventRecord> source="targetName" label="On" render={(event) => event.targetName ?? '—'} />
      <DataTable.Col<AuditEventRecord> label="Change" disableSort render={(event) => <Change event={event} />} />
    </DataTable>
  </List>
);
