/**
 * A fake KFP v2beta1 API server for tests: in memory, on 127.0.0.1 and a free port,
 * holding every request and response to the KFP swagger in ../shared/corpus. Tests
 * read `failures` to prove a client only sent what the real server accepts.
 *
 *   const kfp = await startFakeKfpServer({ multiUser: true, tokens: { t1: 'team-a' } });
 *   … point a client at kfp.url …
 *   expect(kfp.failures).toEqual([]);
 *   await kfp.stop();
 */
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { loadSwaggerRequestValidator } from '../../support/swagger-request-validator.js';
import { loadSwaggerValidator } from '../../support/swagger-validator.js';
import { CORPUS_DIR } from '../../python/support.js';
import { experimentRoutes } from './experiment-routes.js';
import { newState, type FakeKfpOptions, type FakeState, type RunState } from './fake-state.js';
import { createFakeKfpHttpServer, type ValidationFailure } from './http-server.js';
import { pipelineRoutes } from './pipeline-routes.js';
import { recurringRunRoutes } from './recurring-run-routes.js';
import { API, type Routes } from './route-context.js';
import { runRoutes } from './run-routes.js';

export type { FakeKfpOptions, RunState, RunTimeline } from './fake-state.js';
export type { ValidationFailure } from './http-server.js';

export const KFP_SWAGGER = join(CORPUS_DIR, 'kfp-api', 'kfp_api_single_file.swagger.json');

export interface FakeKfpServer {
  url: string;
  /** Every request the swagger refused and every answer of the fake that broke it. */
  failures: ValidationFailure[];
  state: FakeState;
  /** Moves a run to `state` now, e.g. to finish a run under a manual timeline. */
  setRunState(runId: string, state: RunState): void;
  stop(): Promise<void>;
}

export async function startFakeKfpServer(options: FakeKfpOptions = {}): Promise<FakeKfpServer> {
  const state = newState(options);
  const routes: Routes = {
    [`GET ${API}/healthz`]: () => ({
      multi_user: Boolean(options.multiUser),
      pipeline_store: 'database',
    }),
    ...pipelineRoutes,
    ...experimentRoutes,
    ...runRoutes,
    ...recurringRunRoutes,
  };
  const failures: ValidationFailure[] = [];
  const server = createFakeKfpHttpServer({
    state,
    routes,
    requests: loadSwaggerRequestValidator(KFP_SWAGGER, { strict: true }),
    responses: loadSwaggerValidator(KFP_SWAGGER, { strict: true }),
    failures,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    failures,
    state,
    setRunState(runId, runState) {
      const run = state.runs.get(runId);
      if (!run) throw new Error(`the fake KFP server has no run ${runId}`);
      run.forcedState = runState;
      run.forcedAtMs = state.now();
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
