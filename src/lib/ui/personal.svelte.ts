/**
 * The personal parts of a page served from the shared cache to a signed-in visitor (ADR 0007), read from
 * `/me/page-state` after hydration. Only the browser writes it: on the server it stays empty, so a shared render and
 * its hydration agree. Pages read `personalView(data)` for their personal fields.
 */
import { JS_COOKIE } from '#lib/personal.ts';

/** What the site header shows about the signed-in person. */
export interface HeaderPerson {
	id: string;
	name: string;
	isStaff: boolean;
	needsTwoFactor: boolean;
	unreadNotifications: number;
}

class PersonalState {
	loaded = $state(false);
	me = $state<HeaderPerson | null>(null);
	page = $state<Record<string, unknown> | null>(null);
	failed = $state(false);
}

export const personal = new PersonalState();

/** Remembers that this browser runs the site's JavaScript (the server may then send shared pages). */
export function rememberJavaScript(): void {
	const secure = location.protocol === 'https:' ? '; secure' : '';
	document.cookie = `${JS_COOKIE}=1; path=/; max-age=${365 * 24 * 3600}; samesite=lax${secure}`;
}

/** Reads the personal parts of the page that was just served shared. */
export async function loadPersonal(routeId: string, params: Record<string, string>, search: string): Promise<void> {
	const query = `route=${encodeURIComponent(routeId)}&params=${encodeURIComponent(JSON.stringify(params))}&search=${encodeURIComponent(search)}`;
	try {
		const res = await fetch(`/me/page-state?${query}`, { headers: { accept: 'application/json' } });
		if (!res.ok) throw new Error(String(res.status));
		const body = (await res.json()) as { me: HeaderPerson | null; page: Record<string, unknown> };
		personal.me = body.me;
		personal.page = body.page;
		personal.loaded = true;
	} catch {
		personal.failed = true;
	}
}

/**
 * A page's personal fields: from its own data when it was rendered for the person, from `/me/page-state` when it
 * was served shared (undefined until read).
 */
export function personalView<T extends Record<string, unknown>>(data: T & { deferred?: boolean }): Partial<T> {
	if (!data.deferred) return data;
	return personal.loaded ? (personal.page as Partial<T>) : {};
}
