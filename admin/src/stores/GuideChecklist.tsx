import TaskAltIcon from '@mui/icons-material/TaskAlt';
import { List, ListItem, ListItemIcon, ListItemText } from '@mui/material';

/** What a guide asks the merchant to set, one line each (scopes, permissions), with the name screen readers announce. */
export const GuideChecklist = ({ label, testId, items }: { label: string; testId: string; items: string[] }) => (
  <List dense disablePadding aria-label={label} data-testid={testId}>
    {items.map((item) => (
      <ListItem key={item} disableGutters sx={{ py: 0 }}>
        <ListItemIcon sx={{ minWidth: 32 }}>
          <TaskAltIcon fontSize="small" color="action" />
        </ListItemIcon>
        <ListItemText primary={item} />
      </ListItem>
    ))}
  </List>
);
