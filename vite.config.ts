/** Vite + SvelteKit 3 configuration (Kit 3 has no svelte.config.js; its options live here). */
import { sveltekit } from '@sveltejs/kit/vite';
import adapter from '@sveltejs/adapter-node';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vite';

export default defineConfig(({ command }) => ({
	plugins: [
		// Paraglide's vite plugin keeps `vite build` alive ~25 s; builds compile with the CLI (`npm run i18n`).
		command === 'serve' &&
			paraglideVitePlugin({
				project: './project.inlang',
				outdir: './src/lib/paraglide',
				strategy: ['url', 'cookie', 'preferredLanguage', 'baseLocale']
			}),
		sveltekit({
			// BUILD_DIR / KIT_OUT_DIR let parallel e2e runs (one per developer task) build side by side.
			adapter: adapter({ out: process.env.BUILD_DIR || 'build' }),
			outDir: process.env.KIT_OUT_DIR || '.svelte-kit',
			// adapter-node 6 no longer reads ORIGIN at run time: it is baked in at build time (see docs/operations.md).
			paths: { origin: process.env.ORIGIN || undefined },
			// The cross-site form check runs in hooks.server.ts (platform/http/csrf.ts), which exempts the Open311 API.
			csrf: { trustedOrigins: ['*'] },
			csp: {
				mode: 'auto',
				directives: {
					'default-src': ['self'],
					'script-src': ['self'],
					'style-src': ['self', 'unsafe-inline'],
					'img-src': ['self', 'data:', 'blob:', 'https:'],
					'font-src': ['self'],
					'connect-src': ['self'],
					'frame-ancestors': ['none'],
					'form-action': ['self'],
					'base-uri': ['self'],
					'object-src': ['none']
				}
			}
		})
	],
	server: { port: 3000 }
}));
