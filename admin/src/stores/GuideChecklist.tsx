import TaskAltIcon from '@mui/icons-material/TaskAlt';
import { List, ListItem, ListItemIcon, ListItemText } from '@mui/material';

/** One line of a checklist: what to set, and under it the platform's own handle for it, if any. */
export interface ChecklistItem {
  primary: string;
  secondary?: string;
}

/** What a guide asks the merchant to set, one line each (scopes, permissions), with the name screen readers announce. */
export const GuideChecklist = ({ label, testId, items }: { label: string; testId: string; items: ChecklistItem[] }) => (
  <List dense disablePadding aria-label={label} data-testid={testId}>
    {items.map(({ primary, secondary }) => (
      <ListItem key={primary} disableGutters sx={{ py: 0 }}>
        <ListItemIcon sx={{ minWidth: 32 }}>
          <TaskAltIcon fontSize="small" color="action" />
        </ListItemIcon>
        {/* A long handle (write_merchant_managed_fulfillment_orders) breaks rather than widen a phone's page. */}
        <ListItemText primary={primary} secondary={secondary} slotProps={{ secondary: { sx: { overflowWrap: 'anywhere' } } }} />
      </ListItem>
    ))}
  </List>
);
