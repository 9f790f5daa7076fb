/** Where to go after signing in: only a path on this site, never another origin (open-redirect protection). */
export function safeNext(next: string | null | undefined): string | null {
	if (!next || next.length > 500) return null;
	// A path, not "//evil.example" (protocol-relative) nor "/\evil.example" (browsers read the backslash as a slash).
	if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f\u007f\\]/.test(next)) return null;
	try {
		const url = new URL(next, 'http://vocea.invalid');
		if (url.origin !== 'http://vocea.invalid') return null;
		return url.pathname + url.search + url.hash;
	} catch {
		return null;
	}
}
