/**
 * The KFP client for the engine the user means (engine.json or --url), authenticated with
 * `$SKIFF_HOME/token`, next to the engine client that carries the event stream.
 */
import { connectEngine, readToken, type EngineLocation } from './engine-discovery.js';
import { KfpClient } from './kfp-client.js';
import type { RunWatchDeps } from './run-watch.js';

export async function connectKfp(location: EngineLocation): Promise<RunWatchDeps> {
  const { client } = await connectEngine(location);
  const token = await readToken(location.home);
  const kfp = new KfpClient({
    baseUrl: client.baseUrl,
    headers: { authorization: `Bearer ${token}` },
  });
  return { kfp, engine: client, home: location.home };
}
