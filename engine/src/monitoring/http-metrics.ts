import type { Histogram, Registry } from 'prom-client';

interface Observation {
  labels: { method: string; route: string; status: string };
  seconds: number;
}

const BUFFER_LIMIT = 10_000;

/**
 * The engine's Prometheus registry: process metrics plus an HTTP request-duration
 * histogram by route. prom-client is loaded after the server is up (it costs tens of
 * milliseconds of start-up); requests observed before that are buffered, not lost.
 */
export class HttpMetrics {
  #loaded:
    | Promise<{ registry: Registry; histogram: Histogram<'method' | 'route' | 'status'> }>
    | undefined;
  #histogram: Histogram<'method' | 'route' | 'status'> | undefined;
  readonly #pending: Observation[] = [];

  observe(method: string, route: string, status: number, seconds: number): void {
    const labels = { method, route, status: String(status) };
    if (this.#histogram) this.#histogram.observe(labels, seconds);
    else if (this.#pending.length < BUFFER_LIMIT) this.#pending.push({ labels, seconds });
  }

  /** Starts loading prom-client; safe to call many times. */
  load(): Promise<{ registry: Registry }> {
    this.#loaded ??= import('prom-client').then((client) => {
      const registry = new client.Registry();
      client.collectDefaultMetrics({ register: registry, prefix: 'skiff_' });
      const histogram = new client.Histogram({
        name: 'skiff_http_request_duration_seconds',
        help: 'Duration of HTTP requests served by the Skiff engine, by route.',
        labelNames: ['method', 'route', 'status'] as const,
        buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
        registers: [registry],
      });
      for (const { labels, seconds } of this.#pending.splice(0)) histogram.observe(labels, seconds);
      this.#histogram = histogram;
      return { registry, histogram };
    });
    return this.#loaded;
  }

  async render(): Promise<{ contentType: string; text: string }> {
    const { registry } = await this.load();
    return { contentType: registry.contentType, text: await registry.metrics() };
  }
}
