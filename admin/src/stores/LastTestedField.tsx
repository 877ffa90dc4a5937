import { Tooltip, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { formatAgo, formatDateTime } from '../format';
import type { EcommerceStore } from '../types';

export const LastTestedField = () => {
  const store = useRecordContext<EcommerceStore>();
  const testedAt = store?.lastConnectionTest?.testedAt;
  if (!testedAt) {
    return (
      <Typography variant="body2" color="text.secondary">
        Never
      </Typography>
    );
  }
  return (
    <Tooltip title={formatDateTime(testedAt)}>
      <Typography variant="body2">{formatAgo(testedAt)}</Typography>
    </Tooltip>
  );
};
