/** The events an endpoint may subscribe to, as an admin reads them (the wire name in brackets). */
export const EVENT_CHOICES = [
  { id: 'CONNECTION_FAILED', name: 'A connection broke (store.connection.failed)' },
  { id: 'CONNECTION_RECOVERED', name: 'A connection works again (store.connection.recovered)' },
  { id: 'CONNECTION_STATUS_CHANGED', name: 'Any change of connection status (store.connection.status_changed)' },
  { id: 'CONNECTION_TEST_JOB_COMPLETED', name: 'A bulk re-test finished (connection_test_job.completed)' },
];

export const EVENT_LABELS: Record<string, string> = {
  CONNECTION_FAILED: 'failed',
  CONNECTION_RECOVERED: 'recovered',
  CONNECTION_STATUS_CHANGED: 'status changed',
  CONNECTION_TEST_JOB_COMPLETED: 'bulk re-test finished',
  WEBHOOK_TEST: 'test event',
};

export interface WebhookEndpointRecord {
  id: string;
  url: string;
  description: string | null;
  events: string[];
  enabled: boolean;
  disabledReason: string | null;
  secretLast4: string;
  createdAt: string;
  updatedAt: string;
}

export interface WebhookDeliveryRecord {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  status: 'PENDING' | 'DELIVERED' | 'FAILED';
  attempts: number;
  responseStatus: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
  deliveredAt: string | null;
}
