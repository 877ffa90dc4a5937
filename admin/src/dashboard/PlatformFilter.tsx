import { ToggleButton, ToggleButtonGroup } from '@mui/material';
import { PLATFORM_NAMES } from '../stores/labels';
import type { Platform } from '../types';
import type { DashboardCounts } from './dashboardQuery';

interface Props {
  value: Platform | null;
  counts: DashboardCounts | undefined;
  onChange(platform: Platform | null): void;
}

const storesWord = (n: number | undefined) => (n === undefined ? '' : ` (${n})`);

/** All platforms or one: the counts, the short lists, the links and a new bulk test follow it. */
export const PlatformFilter = ({ value, counts, onChange }: Props) => (
  <ToggleButtonGroup
    value={value ?? 'ALL'}
    exclusive
    size="small"
    aria-label="Platform"
    onChange={(_event, next: Platform | 'ALL' | null) => {
      if (next !== null) onChange(next === 'ALL' ? null : next);
    }}
    sx={{ flexWrap: 'wrap', mb: 2 }}
    data-testid="platform-filter"
  >
    <ToggleButton value="ALL">All platforms{storesWord(counts?.total)}</ToggleButton>
    {(counts?.byPlatform ?? (Object.keys(PLATFORM_NAMES) as Platform[]).map((platform) => ({ platform, total: undefined }))).map((row) => (
      <ToggleButton key={row.platform} value={row.platform}>
        {PLATFORM_NAMES[row.platform]}
        {storesWord(row.total)}
      </ToggleButton>
    ))}
  </ToggleButtonGroup>
);
