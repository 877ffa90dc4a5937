import { Fragment } from 'react';
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { Platform, ScopeCheck } from '../types';
import { SCOPE_LEVEL_NAMES, SCOPE_TABLE_WORDS } from './labels';

/**
 * Each scope the integration needs (in the platform's words: a BigCommerce OAuth scope, a
 * WooCommerce key's access): the level the platform must grant, what was found, and whether that is enough.
 */
export const ScopeChecklist = ({ scopes, platform = 'BIGCOMMERCE' }: { scopes: ScopeCheck[]; platform?: Platform }) => (
  <Table size="small" aria-label={SCOPE_TABLE_WORDS[platform].table} data-testid="scope-checklist" sx={{ '& th, & td': { px: 1 } }}>
    <TableHead>
      <TableRow>
        <TableCell>{SCOPE_TABLE_WORDS[platform].scope}</TableCell>
        <TableCell sx={{ whiteSpace: { xs: 'normal', sm: 'nowrap' } }}>Needs</TableCell>
        <TableCell sx={{ whiteSpace: { xs: 'normal', sm: 'nowrap' } }}>{SCOPE_TABLE_WORDS[platform].granted}</TableCell>
        <TableCell>Result</TableCell>
      </TableRow>
    </TableHead>
    <TableBody>
      {scopes.map((check) => (
        <Fragment key={check.scope}>
          <TableRow
            data-testid={`scope-${check.scope}`}
            data-ok={check.ok}
            data-verified={check.verified}
            // The explanation goes on a row of its own, under the scope it is about.
            sx={check.message ? { '& td': { borderBottom: 'none', pb: 0 } } : undefined}
          >
            <TableCell sx={{ fontWeight: 500 }}>{check.scope}</TableCell>
            <TableCell sx={{ whiteSpace: { xs: 'normal', sm: 'nowrap' } }}>{SCOPE_LEVEL_NAMES[check.required]}</TableCell>
            <TableCell sx={{ whiteSpace: { xs: 'normal', sm: 'nowrap' } }}>{grantedLabel(check)}</TableCell>
            <TableCell sx={{ whiteSpace: { xs: 'normal', sm: 'nowrap' } }}>
              <ScopeVerdict check={check} />
            </TableCell>
          </TableRow>
          {check.message && (
            <TableRow data-testid={`scope-${check.scope}-message`}>
              <TableCell colSpan={4} sx={{ pt: 0 }}>
                <Typography variant="caption" color="text.secondary">
                  {check.message}
                </Typography>
              </TableCell>
            </TableRow>
          )}
        </Fragment>
      ))}
    </TableBody>
  </Table>
);

/**
 * What the token was found to have. Some probes only prove "at least read" (a read passed and no
 * safe write probe exists) or "less than modify" (a write was refused, the read not tried).
 */
function grantedLabel(check: ScopeCheck): string {
  if (check.granted) return SCOPE_LEVEL_NAMES[check.granted];
  if (check.ok) return `at least ${SCOPE_LEVEL_NAMES.READ_ONLY}`;
  if (check.verified) return `less than ${SCOPE_LEVEL_NAMES[check.required]}`;
  return 'not checked';
}

const ScopeVerdict = ({ check }: { check: ScopeCheck }) => {
  const [text, color] = !check.verified
    ? ['? could not verify', 'warning.dark']
    : check.ok
      ? ['✓ OK', 'success.main']
      : ['✗ missing', 'error.main'];
  return (
    <Typography variant="body2" sx={{ color, fontWeight: 600 }}>
      {text}
    </Typography>
  );
};
