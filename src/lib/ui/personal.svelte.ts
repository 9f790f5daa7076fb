/**
 * The personal parts of a page served from the shared cache to a signed-in visitor (ADR 0007), which came with it as
 * inline JSON and are applied after hydration. Only the browser writes this state: on the server it stays empty, so a
 * shared render and its hydration agree. Pages read `personalView(data)` for their personal fields.
 */
import { JS_COOKIE, PERSONAL_SCRIPT_ID } from '#lib/personal.ts';

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

/** Applies the person's parts that came with a page served shared (inline JSON, shared-pages.ts). */
export function readPersonal(): void {
	try {
		const text = document.getElementById(PERSONAL_SCRIPT_ID)?.textContent;
		if (!text) throw new Error('no personal parts');
		const parts = JSON.parse(text) as { me: HeaderPerson | null; page: Record<string, unknown> };
		personal.me = parts.me;
		personal.page = parts.page;
		personal.loaded = true;
	} catch {
		personal.failed = true;
	}
}

/**
 * A page's personal fields: from its own data when it was rendered for the person, from the attached parts when it
 * was served shared (undefined until applied).
 */
export function personalView<T extends Record<string, unknown>>(data: T & { deferred?: boolean }): Partial<T> {
	if (!data.deferred) return data;
	return personal.loaded ? (personal.page as Partial<T>) : {};
}
