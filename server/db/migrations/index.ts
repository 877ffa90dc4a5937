import { Initial1764200000000 } from './1764200000000-Initial';
import { ConnectionTests1764210000000 } from './1764210000000-ConnectionTests';
import { ConnectionTestJobs1764220000000 } from './1764220000000-ConnectionTestJobs';
import { Security1764300000000 } from './1764300000000-Security';
import { LoginFailureCounts1796045314060 } from './1796045314060-LoginFailureCounts';
import { StoreLastTestSummary1796047284832 } from './1796047284832-StoreLastTestSummary';
import { Webhooks1796049642575 } from './1796049642575-Webhooks';
import { PlatformCredentials1796050248635 } from './1796050248635-PlatformCredentials';
import { JobStartedByName1796055268326 } from './1796055268326-JobStartedByName';
import { StoreListChanges1796065891075 } from './1796065891075-StoreListChanges';
import { StoreListTruncations1796071398053 } from './1796071398053-StoreListTruncations';

/** Every migration, oldest first. TypeORM runs the ones a database has not seen yet. */
export const migrations = [
  Initial1764200000000,
  ConnectionTests1764210000000,
  ConnectionTestJobs1764220000000,
  Security1764300000000,
  LoginFailureCounts1796045314060,
  StoreLastTestSummary1796047284832,
  Webhooks1796049642575,
  PlatformCredentials1796050248635,
  JobStartedByName1796055268326,
  StoreListChanges1796065891075,
  StoreListTruncations1796071398053,
];
