import 'reflect-metadata';
import { loadConfig } from './server/config';
import { createDataSource } from './server/db/data-source';

/**
 * The DataSource the TypeORM CLI uses, configured from the same environment as the server:
 *   npm run build:server && npx typeorm migration:show -d dist/ormconfig.js
 */
export default createDataSource(loadConfig().database);
