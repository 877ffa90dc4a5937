import CancelIcon from '@mui/icons-material/Cancel';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import HelpIcon from '@mui/icons-material/Help';
import { Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ScopeCheck } from '../types';
import { SCOPE_LEVEL_NAMES } from './labels';

/** Each OAuth scope the integration needs: the level BigCommerce must grant, what the token has, and whether that is enough. */
export const ScopeChecklist = ({ scopes }: { scopes: ScopeCheck[] }) => (
  <Table size="small" aria-label="OAuth scopes" data-testid="scope-checklist">
    <TableHead>
      <TableRow>
        <TableCell>OAuth scope</TableCell>
        <TableCell>Needs</TableCell>
        <TableCell>Token has</TableCell>
        <TableCell>Result</TableCell>
      </TableRow>
    </TableHead>
    <TableBody>
      {scopes.map((check) => (
        <TableRow key={check.scope} data-testid={`scope-${check.scope}`} data-ok={check.ok} data-verified={check.verified}>
          <TableCell>
            <Typography variant="body2" sx={{ fontWeight: 500 }}>
              {check.scope}
            </Typography>
          </TableCell>
          <TableCell>{SCOPE_LEVEL_NAMES[check.required]}</TableCell>
          <TableCell>{check.granted ? SCOPE_LEVEL_NAMES[check.granted] : 'unknown'}</TableCell>
          <TableCell>
            <ScopeVerdict check={check} />
          </TableCell>
        </TableRow>
      ))}
    </TableBody>
  </Table>
);

const ScopeVerdict = ({ check }: { check: ScopeCheck }) => {
  const [icon, text, color] = !check.ok
    ? check.verified
      ? [<CancelIcon fontSize="small" color="error" />, '✗ missing', 'error.main']
      : [<HelpIcon fontSize="small" color="warning" />, 'could not verify', 'warning.dark']
    : check.verified
      ? [<CheckCircleIcon fontSize="small" color="success" />, '✓ OK', 'success.main']
      : [<HelpIcon fontSize="small" color="warning" />, 'could not verify', 'warning.dark'];
  return (
    <Stack spacing={0.25}>
      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', color }}>
        {icon}
        <Typography variant="body2" sx={{ color, fontWeight: 500 }}>
          {text}
        </Typography>
      </Stack>
      {check.message && (
        <Typography variant="caption" color="text.secondary">
          {check.message}
        </Typography>
      )}
    </Stack>
  );
};
