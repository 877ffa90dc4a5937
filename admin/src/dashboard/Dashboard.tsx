import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import HelpOutlineIcon from '@mui/icons-material/HelpOutlineOutlined';
import WarningIcon from '@mui/icons-material/Warning';
import { Box, Card, CardContent, Stack, Typography } from '@mui/material';
import { useQuery } from '@apollo/client';
import { useEffect } from 'react';
import { CreateButton, Title, useNotify } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import { toStorelinkError } from '../errors';
import { ConnectionTestJobCard } from '../jobs';
import { PLATFORM_NAMES } from '../stores/labels';
import type { Platform } from '../types';
import { DASHBOARD, type DashboardCounts, type DashboardStore } from './dashboardQuery';
import { MIGRATIONS, NOTHING_TO_MIGRATE } from './migrations';
import { PlatformFilter } from './PlatformFilter';
import { StatCard } from './StatCard';
import { StoreShortList } from './StoreShortList';
import { storeListLink } from '../stores/storeListLink';

/** The counts of the stores not to migrate, by how their last test went. */
const HEALTH_CARDS = [
  {
    count: 'failing',
    health: 'FAILING',
    title: 'Failing connections',
    explanation: 'The last test of their saved credentials failed.',
    color: 'error.main',
    icon: <ErrorIcon fontSize="small" />,
  },
  {
    count: 'healthy',
    health: 'HEALTHY',
    title: 'Healthy connections',
    explanation: 'The last test of their saved credentials passed.',
    color: 'success.main',
    icon: <CheckCircleIcon fontSize="small" />,
  },
  {
    count: 'untested',
    health: 'UNTESTED',
    title: 'Not tested',
    explanation: 'Never tested, or not since their credentials changed.',
    color: 'text.secondary',
    icon: <HelpOutlineIcon fontSize="small" />,
  },
] as const;


const PLATFORMS = Object.keys(PLATFORM_NAMES) as Platform[];

const isPlatform = (value: string | null): value is Platform => value !== null && (PLATFORMS as string[]).includes(value);

/** "3 BigCommerce Legacy API accounts and 2 Shopify custom apps made in the Shopify admin" style: each platform's own words. */
function legacyBreakdown(counts: DashboardCounts): string {
  const parts = counts.byPlatform
    .filter((row) => MIGRATIONS[row.platform] && row.legacy > 0)
    .map((row) => `${row.legacy} on a ${PLATFORM_NAMES[row.platform]} ${MIGRATIONS[row.platform]!.from}`);
  return parts.length === 0 ? 'No store is on a deprecated way in.' : `${parts.join(', ')}.`;
}

/**
 * Where the migrations stand: stores still on a deprecated way in (a BigCommerce Legacy API
 * account, a custom app made in the Shopify admin) and how every other store's last connection
 * test went, in all or for one platform. The server counts them and sends the short lists in the
 * same request, so the numbers hold for any number of stores and agree with each other.
 */
export const Dashboard = () => {
  const notify = useNotify();
  const [params, setParams] = useSearchParams();
  const requested = params.get('platform');
  const platform = isPlatform(requested) ? requested : null;
  const scope = platform ? { platform } : {};

  const dashboard = useQuery(DASHBOARD, {
    variables: {
      toMigrate: { ...scope, needsMigration: true },
      failing: { ...scope, needsMigration: false, connectionHealth: 'FAILING' },
    },
    fetchPolicy: 'network-only',
  });
  useEffect(() => {
    if (dashboard.error) notify(toStorelinkError(dashboard.error).message, { type: 'error' });
  }, [dashboard.error, notify]);

  // The counts of every platform come in each answer: while another platform's lists load, the last ones
  // still hold, so the cards and the job card stay in place instead of blinking out.
  const all = (dashboard.data ?? dashboard.previousData)?.ecommerceStoreCounts;
  const counts = platform ? all?.byPlatform.find((row) => row.platform === platform) : all;
  const migration = platform ? MIGRATIONS[platform] : undefined;
  const hasMigration = platform ? !!migration : true;
  const platformName = platform ? PLATFORM_NAMES[platform] : null;
  const { refetch } = dashboard;

  const choosePlatform = (next: Platform | null) =>
    setParams((current) => {
      const updated = new URLSearchParams(current);
      if (next) updated.set('platform', next);
      else updated.delete('platform');
      return updated;
    });

  const cards = [
    hasMigration && {
      testId: 'legacy-count',
      title: migration ? migration.stillOn : 'To migrate',
      value: counts?.legacy,
      explanation: migration
        ? `To move to a ${migration.to}, whatever their last test said.`
        : all
          ? `Still on a deprecated way in, whatever their last test said: ${legacyBreakdown(all)}`
          : 'Still on a deprecated way in, whatever their last test said.',
      color: 'warning.main' as const,
      icon: <WarningIcon fontSize="small" />,
      filter: { needsMigration: true },
    },
    ...HEALTH_CARDS.map((card) => ({
      testId: `${card.count}-count`,
      title: card.title,
      value: counts?.[card.count],
      // Where stores to migrate exist, they are counted apart whatever their last test said.
      explanation: hasMigration ? `Not to migrate; ${card.explanation.toLowerCase()}` : card.explanation,
      color: card.color,
      icon: card.icon,
      filter: { needsMigration: false, connectionHealth: card.health },
    })),
  ].filter((card) => !!card);

  const toMigrate = dashboard.data?.toMigrate ?? [];
  const failing = dashboard.data?.failing ?? [];
  const noStoresAtAll = all?.total === 0;

  return (
    <Box sx={{ mt: 2 }}>
      <Title title="Migration dashboard" />
      <Typography variant="h5" component="h1" gutterBottom>
        Migrations and connection health
      </Typography>
      <MigrationIntro platform={platform} />
      {!noStoresAtAll && <PlatformFilter value={platform} counts={all} onChange={choosePlatform} />}

      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 2, mb: 3 }} aria-label={platformName ? `${platformName} stores` : 'All stores'} component="section">
        {cards.map((card) => (
          <StatCard
            key={card.testId}
            title={card.title}
            value={card.value}
            explanation={card.explanation}
            color={card.color}
            icon={card.icon}
            to={storeListLink({ ...scope, ...card.filter })}
            testId={card.testId}
          />
        ))}
      </Stack>
      {!noStoresAtAll && all !== undefined && <ConnectionTestJobCard platform={platform} storeCount={counts?.total} onJobEnded={() => void refetch()} />}
      {noStoresAtAll ? (
        <Card sx={{ maxWidth: 640 }}>
          <CardContent>
            <Typography variant="h6" component="h2" gutterBottom>
              No stores yet
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
              Add your BigCommerce, Shopify or WooCommerce store under Settings &gt; Ecommerce Stores, then enter its API credentials and test the
              connection.
            </Typography>
            <CreateButton resource="EcommerceStore" label="Add a store" variant="contained" />
          </CardContent>
        </Card>
      ) : (
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
          {hasMigration && (
            <StoreShortList
              title="To migrate"
              empty={platformName ? `No ${platformName} store is on a ${migration!.from} any more.` : 'No store is on a deprecated way in any more.'}
              stores={toMigrate}
              more={(counts?.legacy ?? 0) > toMigrate.length ? storeListLink({ ...scope, needsMigration: true }) : null}
              secondary={migrationStep}
            />
          )}
          <StoreShortList
            title="Failing"
            empty={platformName ? `No ${platformName} store's last connection test failed.` : "No store's last connection test failed."}
            stores={failing}
            more={(counts?.failing ?? 0) > failing.length ? storeListLink({ ...scope, needsMigration: false, connectionHealth: 'FAILING' }) : null}
            // The chip beside it already says why in a few words; this is the full sentence, once.
            secondary={(store) => (platform ? store.lastConnectionTest!.message : `${PLATFORM_NAMES[store.platform]}: ${store.lastConnectionTest!.message}`)}
          />
        </Stack>
      )}
    </Box>
  );
};

/** What to do with a store that is still on its platform's deprecated way in. */
function migrationStep(store: DashboardStore): string {
  const migration = MIGRATIONS[store.platform];
  if (!migration) return '';
  return `${PLATFORM_NAMES[store.platform]} ${migration.from}: open it and follow “${migration.guide}”.`;
}

/** Which migration(s) the page is about, for the platform it shows. */
const MigrationIntro = ({ platform }: { platform: Platform | null }) => {
  const shown = platform ? [platform] : PLATFORMS;
  return (
    <Box sx={{ mb: 2, maxWidth: 760 }} data-testid="migration-intro">
      {shown.map((each) => {
        const migration = MIGRATIONS[each];
        return (
          <Typography key={each} variant="body2" color="text.secondary" sx={{ mb: 0.5 }}>
            {migration ? (
              <>
                <strong>{PLATFORM_NAMES[each]}</strong>: move each store from a {migration.from} to a {migration.to}, then test its connection. {migration.why}
              </>
            ) : (
              NOTHING_TO_MIGRATE
            )}
          </Typography>
        );
      })}
      <Typography variant="body2" color="text.secondary">
        Open a store under Settings &gt; Ecommerce Stores to start.
      </Typography>
    </Box>
  );
};
