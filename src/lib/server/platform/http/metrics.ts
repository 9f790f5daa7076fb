/** Prometheus metrics (prom-client): HTTP requests and durations, plus Node process metrics. */
import client from 'prom-client';

const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry, prefix: 'vocea_' });

const requests = new client.Counter({
	name: 'vocea_http_requests_total',
	help: 'HTTP requests by route, method and status',
	labelNames: ['route', 'method', 'status'] as const,
	registers: [registry]
});
const duration = new client.Histogram({
	name: 'vocea_http_request_duration_seconds',
	help: 'HTTP request duration by route',
	labelNames: ['route', 'method'] as const,
	buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
	registers: [registry]
});

export function observeRequest(route: string, method: string, status: number, ms: number) {
	requests.inc({ route, method, status: String(status) });
	duration.observe({ route, method }, ms / 1000);
}

export { registry as metricsRegistry };
