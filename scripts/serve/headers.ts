// The security headers the site must be served with, made from the build itself: the Content-Security-Policy
// that SvelteKit writes into each page's <meta> tag, merged into one policy for every file (its inline-script
// hashes stay in the pages' own tags). As an HTTP header it also governs the DuckDB worker and the wasm, which a <meta> tag
// cannot reach: a worker takes its policy from the response that delivered it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const META = /<meta http-equiv="content-security-policy" content="([^"]+)"/i;

/** Every HTML file under `dir`. */
function pages(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
		.map((entry) => join(entry.parentPath, entry.name));
}

/** One policy from several: each directive's sources, in first-seen order, without repeats. */
export function mergePolicies(policies: string[]): string {
	const directives = new Map<string, string[]>();
	for (const policy of policies) {
		for (const part of policy.split(';')) {
			const [name, ...sources] = part.trim().split(/\s+/);
			if (!name) continue;
			const known = directives.get(name) ?? [];
			directives.set(name, [...known, ...sources.filter((s) => !known.includes(s))]);
		}
	}
	return [...directives].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/**
 * The header's policy leaves inline scripts to each page's own <meta> policy. Every prerendered page carries the
 * hash of its own start-up script, which holds its data, so 400 national pages would put 400 hashes into a header
 * sent with every file (22 kB). A browser enforces the header and the <meta> policy both: the header allows inline
 * scripts ('unsafe-inline', which counts only in a policy without hashes), the page's <meta> allows only its own
 * hashed ones, so exactly those run, as before. Everything else stays in the header, where workers read it.
 */
export function withoutScriptHashes(policy: string): string {
	return policy
		.split(';')
		.map((part) => {
			const [name, ...sources] = part.trim().split(/\s+/);
			if (name !== 'script-src') return part.trim();
			return [name, ...sources.filter((s) => !s.startsWith("'sha256-")), "'unsafe-inline'"].join(' ');
		})
		.filter(Boolean)
		.join('; ');
}

/** The headers for every response of the built site in `buildDir`. */
export function securityHeaders(buildDir: string): Record<string, string> {
	const policies = pages(buildDir).flatMap((file) => META.exec(readFileSync(file, 'utf8'))?.[1] ?? []);
	if (policies.length === 0) throw new Error(`${buildDir}: no page carries a Content-Security-Policy <meta> tag`);
	return {
		// frame-ancestors works only as a header: no other site may frame the dashboard.
		'Content-Security-Policy': `${withoutScriptHashes(mergePolicies(policies))}; frame-ancestors 'none'`,
		'X-Content-Type-Options': 'nosniff',
		'Referrer-Policy': 'no-referrer',
		'Cross-Origin-Opener-Policy': 'same-origin',
		'Cross-Origin-Resource-Policy': 'same-origin',
		'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'
	};
}

/**
 * Files whose names carry their content's hash (Vite's output: the app's scripts, DuckDB's worker and wasm) never
 * change under the same name, so a browser may keep them for a year without asking again: a repeat visit skips
 * the wasm's 5 MB download and its revalidation, and Chromium may keep the compiled wasm too. The data files are
 * hashed too, but under names of our own (static/), and stay revalidated by their ETag.
 */
export const IMMUTABLE_PREFIX = '/_app/immutable/';
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';

/** The same headers as a `_headers` file (Netlify, Cloudflare Pages): one block for every path, one for hashed files. */
export function headersFile(headers: Record<string, string>): string {
	return `/*\n${Object.entries(headers)
		.map(([name, value]) => `  ${name}: ${value}`)
		.join('\n')}\n${IMMUTABLE_PREFIX}*\n  Cache-Control: ${IMMUTABLE_CACHE}\n`;
}

/** The same headers for nginx's `server { … }` block; a location with add_header of its own inherits none, so it repeats them. */
export function nginxConf(headers: Record<string, string>): string {
	const lines = (indent: string) => Object.entries(headers).map(([name, value]) => `${indent}add_header ${name} "${value}" always;`);
	return `${lines('').join('\n')}\nlocation ${IMMUTABLE_PREFIX} {\n${[...lines('\t'), `\tadd_header Cache-Control "${IMMUTABLE_CACHE}" always;`].join('\n')}\n}\n`;
}
