/**
 * Headers for better-auth calls that create sessions. better-auth records a session's IP from a request header;
 * we put the address SvelteKit resolved (adapter-node, XFF_DEPTH-aware) in our own header and overwrite whatever
 * the client sent under that name, so the recorded IP cannot be forged.
 */
import type { Actor } from '../actors/actor.ts';

export const CLIENT_IP_HEADER = 'x-vocea-client-ip';

export function withClientIp(headers: Headers, actor: Actor): Headers {
	const copy = new Headers(headers);
	copy.delete(CLIENT_IP_HEADER);
	if (actor.context.ip) copy.set(CLIENT_IP_HEADER, actor.context.ip);
	return copy;
}
