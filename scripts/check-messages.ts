/** Fails the build when any UI message key is missing (or empty) in any locale, area by area. */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const settings = JSON.parse(readFileSync('project.inlang/settings.json', 'utf8'));
const locales: string[] = settings.locales;
const patterns: string[] = settings['plugin.inlang.messageFormat'].pathPattern;
const problems: string[] = [];
const seen = new Map<string, string>();

for (const pattern of patterns) {
	const files = Object.fromEntries(
		locales.map((l) => {
			const path = join('project.inlang', '..', pattern.replace('{locale}', l));
			if (!existsSync(path)) problems.push(`missing file ${path}`);
			return [l, existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {}];
		})
	) as Record<string, Record<string, unknown>>;
	const all = new Set(locales.flatMap((l) => Object.keys(files[l]).filter((k) => k !== '$schema')));
	for (const key of all) {
		const other = seen.get(key);
		if (other && other !== pattern) problems.push(`key "${key}" is defined in two areas: ${other} and ${pattern}`);
		seen.set(key, pattern);
		for (const l of locales) {
			const v = files[l][key];
			if (v === undefined || v === '') problems.push(`${pattern.replace('{locale}', l)}: missing "${key}"`);
		}
	}
}
// Every area folder must be listed in settings, or its keys would silently not compile.
for (const dir of readdirSync('messages')) {
	if (!patterns.some((p) => p.includes(`/messages/${dir}/`)))
		problems.push(`messages/${dir} is not listed in project.inlang/settings.json`);
}
if (problems.length) {
	console.error(`i18n: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
	process.exit(1);
}
