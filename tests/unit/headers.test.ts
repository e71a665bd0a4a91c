// The security headers a static host must send: one policy merged from every page's <meta> CSP, with nothing lost
// or repeated, and the same headers in the `_headers` and nginx forms the README documents.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headersFile, mergePolicies, nginxConf, securityHeaders } from '../../scripts/serve/headers';

const page = (csp: string) => `<html><head><meta http-equiv="content-security-policy" content="${csp}"></head></html>`;

describe('security headers', () => {
	it("merges every page's policy: each directive once, each page's script hash kept", () => {
		expect(
			mergePolicies(["default-src 'self'; script-src 'self' 'sha256-a'", "default-src 'self'; script-src 'self' 'sha256-b'; connect-src 'self'"])
		).toBe("default-src 'self'; script-src 'self' 'sha256-a' 'sha256-b'; connect-src 'self'");
	});

	it('reads the policies from the built pages, nested folders too, and adds what only a header can say', () => {
		const dir = mkdtempSync(join(tmpdir(), 'build-'));
		mkdirSync(join(dir, 'osrodki'));
		writeFileSync(join(dir, 'index.html'), page("default-src 'self'; script-src 'self' 'sha256-a'"));
		writeFileSync(join(dir, 'osrodki', 'lezajsk.html'), page("default-src 'self'; script-src 'self' 'sha256-b'"));
		const headers = securityHeaders(dir);
		expect(headers['Content-Security-Policy']).toBe("default-src 'self'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
		expect(headersFile(headers)).toMatch(/^\/\*\n {2}Content-Security-Policy: default-src 'self';.*\n {2}X-Content-Type-Options: nosniff\n/s);
		expect(nginxConf(headers)).toContain(`add_header Content-Security-Policy "default-src 'self'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'" always;`);
	});

	it('lets browsers keep the hashed files for a year, and nginx keeps the security headers on them too', () => {
		const headers = { 'Content-Security-Policy': "default-src 'self'", 'X-Content-Type-Options': 'nosniff' };
		expect(headersFile(headers)).toMatch(/\n\/_app\/immutable\/\*\n {2}Cache-Control: public, max-age=31536000, immutable\n$/);
		// nginx drops every inherited add_header in a location that has one of its own.
		const location = /location \/_app\/immutable\/ \{\n([^}]*)\}/.exec(nginxConf(headers))?.[1] ?? '';
		expect(location).toContain('add_header Cache-Control "public, max-age=31536000, immutable" always;');
		expect(location).toContain(`add_header Content-Security-Policy "default-src 'self'" always;`);
		expect(location).toContain('add_header X-Content-Type-Options "nosniff" always;');
	});

	it('refuses a build with no policy at all rather than serve without one', () => {
		const dir = mkdtempSync(join(tmpdir(), 'build-'));
		writeFileSync(join(dir, 'index.html'), '<html></html>');
		expect(() => securityHeaders(dir)).toThrow(/no page carries a Content-Security-Policy/);
	});
});
