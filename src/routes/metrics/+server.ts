/** GET /metrics → Prometheus text format. */
import { metricsRegistry } from '#lib/server/platform/http/metrics.ts';

export const GET = async () =>
	new Response(await metricsRegistry.metrics(), { headers: { 'content-type': metricsRegistry.contentType } });
