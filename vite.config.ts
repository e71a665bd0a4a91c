// Vite: SvelteKit plus two vitest projects, node unit tests and browser tests against the built site.
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { duckdbWorker } from './scripts/vite/duckdb-worker.ts';

export default defineConfig({
	// duckdbWorker before SvelteKit: it answers the worker's `?url` import (scripts/vite/duckdb-worker.ts).
	plugins: [duckdbWorker(), sveltekit()],
	// `npm run build:public` sets PUBLIC_RELEASE=1: pages keep to the build-time aggregates (src/lib/release.ts).
	define: { __PUBLIC_RELEASE__: JSON.stringify(process.env.PUBLIC_RELEASE === '1') },
	// The wasm bundle is served as a file (?url), never inlined or pre-bundled.
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
	test: {
		projects: [
			{
				extends: true,
				// Two files at a time: vitest's default on two cores is one, which left a core idle once the type check
				// beside it ended (measured alone: 158 s one at a time, 93 s two at a time).
				test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000, fileParallelism: true, maxWorkers: 2 }
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['tests/e2e/global-setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000,
					// Two test files at a time, each with its own Chromium: most of a browser test is waiting on DuckDB
					// and the page, so two overlap well on two cores (measured: 615 s one at a time, 432 s two at a time).
					fileParallelism: true,
					maxWorkers: 2
				}
			}
		]
	}
});
