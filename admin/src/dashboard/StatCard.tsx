import { Card, CardActionArea, CardContent, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

interface Props {
  title: string;
  value: number | undefined;
  explanation: string;
  color: 'warning.main' | 'error.main' | 'success.main' | 'text.secondary';
  icon: ReactNode;
  /** Where the stores it counts are listed, when such a list exists. */
  to?: string;
  testId: string;
}

/** One number of the dashboard; the Legacy count links to the stores it counts (no list filters by connection health). */
export const StatCard = ({ title, value, explanation, color, icon, to, testId }: Props) => {
  const content = (
    <CardContent>
      <Typography variant="subtitle2" color="text.secondary" sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        {icon}
        {title}
      </Typography>
      <Typography variant="h3" component="p" sx={{ color, my: 1 }} data-testid={testId}>
        {value ?? '–'}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {explanation}
      </Typography>
    </CardContent>
  );
  return (
    <Card sx={{ flex: '1 1 200px', borderTop: 4, borderColor: color }}>
      {to ? (
        <CardActionArea component={Link} to={to} sx={{ height: '100%' }}>
          {content}
        </CardActionArea>
      ) : (
        content
      )}
    </Card>
  );
};
