// SvelteKit: a fully static, prerendered site; every page is an HTML file and DuckDB runs in the browser.
import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
	preprocess: vitePreprocess(),
	kit: {
		// precompress: off here; scripts/serve/precompress.ts writes the brotli and gzip copies (`npm start` serves the
		// 34 MB wasm as ~5 MB), at qualities and with a cache that keep the build fast.
		// fallback: 404.html, the error page in the layout, rendered in the browser; the server sends it for unknown
		// addresses with status 404 (scripts/serve/server.ts).
		// BUILD_DIR: the public release (npm run build:public) builds beside the demo, into build-public/.
		adapter: adapter({ pages: process.env.BUILD_DIR ?? 'build', assets: process.env.BUILD_DIR ?? 'build', precompress: false, strict: true, fallback: '404.html' }),
		// concurrency 1 (the default, stated): a page's language is set per request and read while it renders
		// (src/lib/i18n/locale.ts), so two pages must not render at once.
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail', concurrency: 1 },
		csp: {
			// No request may leave the origin: the browser enforces it, not only our tests.
			directives: {
				'default-src': ['self'],
				'script-src': ['self', 'wasm-unsafe-eval'],
				'worker-src': ['self', 'blob:'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self']
			}
		}
	}
};
