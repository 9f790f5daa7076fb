/** The Open311 GeoReport v2 API of the reports module: what the `/open311/…` routes call. */
export {
	discovery,
	getRequest,
	getRequests,
	getToken,
	getUpdates,
	postRequest,
	postUpdate,
	serviceDefinition,
	serviceList,
	type Open311Input
} from './endpoints.ts';

/** The endpoint input from a route's event (`[format]` is the `.json` / `.xml` suffix). */
export const input = (event: {
	request: Request;
	url: URL;
	params: { format?: string };
	getClientAddress: () => string;
}) => ({ request: event.request, url: event.url, format: event.params.format, ip: event.getClientAddress() });

export { open311ForTests } from './test-hooks.ts';
export { listApiKeys } from './api-keys.ts';
export { createApiKey } from '../commands/create-api-key.ts';
export { revokeApiKey } from '../commands/revoke-api-key.ts';
