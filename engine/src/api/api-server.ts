import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ClusterService } from '../cluster/service/cluster-service.js';
import type { Engine } from '../core/engine.js';
import { SkiffError } from '../core/errors.js';
import { HttpMetrics } from '../monitoring/http-metrics.js';
import type { RunLauncher } from '../pipelines/runs/run-launcher.js';
import type { TaskRepository } from '../pipelines/runs/task-repository.js';
import { Auth } from './auth.js';
import { sendError, sendJson } from './http-errors.js';
import { checkRequestOrigin } from './request-guard.js';
import { Router } from './router.js';
import { artifactRoutes } from './routes/artifact-routes.js';
import { cacheRoutes } from './routes/cache-routes.js';
import { clusterRoutes } from './routes/cluster-routes.js';
import { taskLogRoutes } from './routes/task-log-routes.js';
import { eventsRoute } from './routes/events-route.js';
import { loginRoute, loginTicketRoute, loginUrlFor, sendLoginPage } from './routes/login-routes.js';
import { metricsRoute } from './routes/metrics-route.js';
import { operationRoutes } from './routes/operation-routes.js';
import { settingsRoutes } from './routes/settings-routes.js';
import { systemRoutes } from './routes/system-routes.js';
import { targetRoutes } from './routes/target-routes.js';
import { StaticUi } from './static-ui.js';

export interface ApiServerOptions {
  engine: Engine;
  token: string;
  host: string;
  port: number;
  /** Built renderer; when absent the UI paths explain how to build it. */
  rendererDir?: string;
  /** Serves KFP's v2beta1 API (`/apis/v2beta1/pipelines`, `runs` ...) when given. */
  /** The KFP API's collaborators; `recurring` is woken when a recurring run changes. */
  kfp?: { launcher: RunLauncher; tasks: TaskRepository; recurring?: { wake(): void } };
}

export interface ApiServer {
  readonly url: string;
  readonly port: number;
  readonly metrics: HttpMetrics;
  createLoginUrl(): string;
  close(): Promise<void>;
}

const PUBLIC_PATHS = new Set(['/api/v1/health', '/login']);
const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const server = createServer();
  server.keepAliveTimeout = 65_000;
  await listen(server, options.host, options.port);
  const port = (server.address() as AddressInfo).port;
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
  const auth = new Auth(options.token, port, options.engine.deps.ids, options.engine.deps.clock);
  const metrics = new HttpMetrics();
  const router = new Router().add(
    ...systemRoutes(options.engine),
    ...settingsRoutes(options.engine),
    ...operationRoutes(options.engine),
    ...cacheRoutes(options.engine),
    ...taskLogRoutes(options.engine),
    ...artifactRoutes(options.engine),
    ...clusterRoutes(() => lazyClusterService(options.engine)),
    // Pushes read local pipelines through this engine's own KFP API.
    ...targetRoutes(options.engine, () => ({ url, token: options.token })),
    eventsRoute(options.engine),
    metricsRoute(metrics),
    loginRoute(auth),
    loginTicketRoute(auth, () => url),
  );
  const kfp = options.kfp ? lazyKfpRouter(options.engine, options.kfp) : undefined;
  const ui = options.rendererDir ? new StaticUi(options.rendererDir) : undefined;
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    void handle({ req, res, router, kfp, auth, ui, metrics, port });
  });
  // Load the metrics library and the KFP API once the engine answers, so neither delays
  // start-up (together they cost more than the rest of the engine).
  setImmediate(() => {
    void metrics.load().catch(() => undefined);
    void kfp?.().catch(() => undefined);
    // Recovers the cluster's state (and its port-forwards) soon after start.
    void lazyClusterService(options.engine).catch(() => undefined);
  });

  return {
    url,
    port,
    metrics,
    createLoginUrl: () => loginUrlFor(auth, url).url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }).then(() => closeClusterService(options.engine)),
  };
}

/** The KFP API's routes, imported on first use (the IR validator and YAML are large). */
function lazyKfpRouter(
  engine: Engine,
  kfp: NonNullable<ApiServerOptions['kfp']>,
): () => Promise<Router> {
  let loaded: Promise<Router> | undefined;
  return () =>
    (loaded ??= import('./routes/kfp/index.js').then(({ kfpRoutes }) => {
      const { store, clock, ids } = engine.deps;
      return new Router().add(...kfpRoutes({ db: store.db, ...kfp, clock, ids }));
    }));
}

/** The cluster service, built on first use (its adapters pull in client-node). */
async function lazyClusterService(engine: Engine): Promise<ClusterService> {
  const { loadClusterService } = await import('../cluster/service/cluster-service-loader.js');
  return loadClusterService(engine);
}

async function closeClusterService(engine: Engine): Promise<void> {
  const loader = await import('../cluster/service/cluster-service-loader.js');
  await loader.closeClusterService(engine);
}

interface HandleContext {
  req: IncomingMessage;
  res: ServerResponse;
  router: Router;
  kfp: (() => Promise<Router>) | undefined;
  auth: Auth;
  ui: StaticUi | undefined;
  metrics: HttpMetrics;
  port: number;
}

async function handle({
  req,
  res,
  router,
  kfp,
  auth,
  ui,
  metrics,
  port,
}: HandleContext): Promise<void> {
  const started = performance.now();
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  let routeLabel = 'static';
  res.on('finish', () =>
    metrics.observe(method, routeLabel, res.statusCode, (performance.now() - started) / 1000),
  );
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  try {
    checkRequestOrigin(req, port);
    let match = router.match(method, url.pathname);
    if (match.kind === 'not-found' && kfp && url.pathname.startsWith('/apis/')) {
      match = (await kfp()).match(method, url.pathname);
    }
    const isApi = /^\/(api|apis)\//.test(url.pathname) || url.pathname === '/metrics';
    if (!PUBLIC_PATHS.has(url.pathname) && !auth.isAuthorized(req)) {
      if (!isApi && method === 'GET') {
        sendLoginPage(
          res,
          401,
          'Skiff needs you to sign in: open the login URL that `skiff serve` printed, or run `skiff up`.',
        );
        return;
      }
      throw new SkiffError(
        'UNAUTHENTICATED',
        'Missing or invalid token: send "Authorization: Bearer <token>" (the token is in $SKIFF_HOME/token) or open the login URL that `skiff serve` prints.',
      );
    }
    if (match.kind === 'found') {
      routeLabel = match.route.path;
      await match.route.handler({ req, res, url, params: match.params });
      return;
    }
    if (match.kind === 'method-not-allowed') {
      routeLabel = 'method-not-allowed';
      res.setHeader('allow', match.allowed.join(', '));
      sendJson(res, 405, {
        code: 'INVALID_ARGUMENT',
        message: `${method} is not allowed on ${url.pathname}; use ${match.allowed.join(' or ')}.`,
      });
      return;
    }
    if (!isApi && ui && (method === 'GET' || method === 'HEAD')) {
      const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      if (await ui.serve(url.pathname, gzip, res)) return;
    }
    routeLabel = 'not-found';
    throw new SkiffError(
      'NOT_FOUND',
      notFoundMessage(method, url.pathname, isApi, ui !== undefined),
    );
  } catch (error) {
    sendError(res, url.pathname, error);
  }
}

function notFoundMessage(method: string, pathname: string, isApi: boolean, hasUi: boolean): string {
  if (isApi || hasUi)
    return `No such route: ${method} ${pathname}. See docs/api.md for the routes.`;
  return `The UI is not built, so ${pathname} cannot be served: run \`npm run build\`.`;
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      reject(
        error.code === 'EADDRINUSE'
          ? new SkiffError(
              'UNAVAILABLE',
              `Port ${port} on ${host} is in use (another Skiff?). Stop it, or start with --port N (0 picks a free port).`,
              { port },
              { cause: error },
            )
          : error,
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}
