import express from 'express';
import type { ApiKeyService } from '../auth/api-key.service';
import type { Logger } from '../common/logger';
import type { StorelinkMetrics } from './metrics';
import type { Readiness } from './readiness';

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * /livez, /readyz and /metrics for orchestrators and Prometheus. The probes need no token and
 * say nothing but ok / not ready (no version, path or error text); /metrics wants an API key
 * of any role, the credential a scraper is configured with.
 */
export function operationsRoutes(options: { readiness: Readiness; metrics: StorelinkMetrics; apiKeys: ApiKeyService; logger: Logger }): express.Router {
  const router = express.Router();
  router.get('/livez', (_req, res) => {
    res.set('cache-control', 'no-store').json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const ready = await options.readiness.isReady();
    res.set('cache-control', 'no-store').status(ready ? 200 : 503).json({ status: ready ? 'ok' : 'not ready' });
  });
  router.get('/metrics', async (req, res) => {
    const token = BEARER.exec(req.headers.authorization ?? '')?.[1];
    let authorised = false;
    try {
      authorised = token !== undefined && (await options.apiKeys.authenticate(token)) !== null;
    } catch (err) {
      options.logger.error({ err }, 'metrics: checking the API key failed');
    }
    if (!authorised) {
      res.set('www-authenticate', 'Bearer').status(401).type('text/plain').send('Send "Authorization: Bearer <API key>".');
      return;
    }
    try {
      const body = await options.metrics.registry.metrics();
      res.set('cache-control', 'no-store').type(options.metrics.registry.contentType).send(body);
    } catch (err) {
      options.logger.error({ err }, 'metrics: collecting failed');
      res.status(500).type('text/plain').send('The metrics could not be collected; see the server log.');
    }
  });
  return router;
}
