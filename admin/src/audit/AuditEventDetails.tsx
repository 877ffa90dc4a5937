import { Box, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { formatDateTimeSeconds } from '../format';
import type { AuditEventRecord } from './AuditEventList';
import { actorLabel, AUDIT_ACTION_LABELS, changeInWords, TARGET_TYPE_LABELS } from './labels';

/** Everything the trail knows about one event, opened from its row. */
export const AuditEventDetails = () => {
  const event = useRecordContext<AuditEventRecord>();
  if (!event) return null;
  const facts: Array<[string, string]> = [
    ['When', formatDateTimeSeconds(event.occurredAt)],
    ['What', `${AUDIT_ACTION_LABELS[event.action] ?? event.action}${event.success ? '' : ' (failed or refused)'}`],
    ['Who', actorLabel(event)],
    ['From address', event.ip ?? 'not known'],
    ['On', event.targetName ? `${event.targetName}${event.targetType ? ` (${TARGET_TYPE_LABELS[event.targetType] ?? event.targetType})` : ''}` : '—'],
    ['Change', changeInWords(event) || '—'],
  ];
  return (
    <Box component="dl" data-testid="audit-event-details" sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'max-content 1fr' }, columnGap: 2, rowGap: 0.5, m: 0, p: 2 }}>
      {facts.map(([term, value]) => (
        <Box key={term} sx={{ display: 'contents' }}>
          <Typography component="dt" variant="body2" color="text.secondary">
            {term}
          </Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0, overflowWrap: 'anywhere' }}>
            {value}
          </Typography>
        </Box>
      ))}
    </Box>
  );
};
