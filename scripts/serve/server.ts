// The site's server for `npm start` and the browser tests: the built files (precompressed, with ETags) through
// sirv, every response with the security headers made from the build, and the site's own 404 page.
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';
import { IMMUTABLE_CACHE, IMMUTABLE_PREFIX, securityHeaders } from './headers';

export function createSiteServer(buildDir: string): Server {
	const headers = securityHeaders(buildDir);
	const serve = sirv(buildDir, {
		gzip: true,
		brotli: true,
		etag: true,
		setHeaders: (res, pathname) => {
			for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
			if (pathname.startsWith(IMMUTABLE_PREFIX)) res.setHeader('Cache-Control', IMMUTABLE_CACHE);
		}
	});
	const notFound = join(buildDir, '404.html');
	return createServer((req, res) =>
		serve(req, res, () => {
			for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
			res.statusCode = 404;
			res.setHeader('Content-Type', 'text/html; charset=utf-8');
			res.end(existsSync(notFound) ? readFileSync(notFound) : 'Not found');
		})
	);
}
