import type { MouseEvent, ReactNode } from 'react';
import { Link, useCreatePath } from 'react-admin';

/**
 * A list row's way in: a real link to the record's page, reached with Tab, opened with Enter,
 * and in a new tab with Ctrl-click (it stops the click there, so the row does not open it too).
 */
export const RecordLink = ({ resource, id, type, children }: { resource: string; id: string; type: 'edit' | 'show'; children: ReactNode }) => {
  const createPath = useCreatePath();
  return (
    <Link to={createPath({ resource, id, type })} onClick={(event: MouseEvent) => event.stopPropagation()}>
      {children}
    </Link>
  );
};
