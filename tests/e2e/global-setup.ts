// Vitest globalSetup for the "e2e" project: serves build/ on a free 127.0.0.1 port with the server `npm start`
// runs (security headers included), plus a second server on another port that stands in for another origin and
// records every request that reaches it; and tells the tests where the site, that server and Chromium are.
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { createSiteServer } from '../../scripts/serve/server';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		chromiumPath: string;
		/** Another origin: answers any path with a small CSV, and lists what reached it at /__hits. */
		otherOrigin: string;
		/** The public release (npm run build:public), served the same way. */
		publicBaseUrl: string;
	}
}

const buildDir = fileURLToPath(new URL('../../build/', import.meta.url));
const publicBuildDir = fileURLToPath(new URL('../../build-public/', import.meta.url));

const INSTALL_HINT =
	'Chromium not found. Install it: sudo apt-get update && sudo apt-get install -y chromium (Debian/Ubuntu), ' +
	'or set CHROMIUM_PATH to a Chrome/Chromium binary.';

function isExecutable(path: string): boolean {
	try {
		accessSync(path, constants.X_OK);
		return statSync(path).isFile();
	} catch {
		return false;
	}
}

/** CHROMIUM_PATH if set (and then only it), else the usual Debian/Ubuntu/Chrome locations. */
function resolveChromium(env: NodeJS.ProcessEnv = process.env): string {
	const override = env.CHROMIUM_PATH;
	if (override) {
		if (isExecutable(override)) return override;
		throw new Error(`CHROMIUM_PATH=${override} is not an executable file. ${INSTALL_HINT}`);
	}
	const found = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(isExecutable);
	if (!found) throw new Error(INSTALL_HINT);
	return found;
}

export default async function setup(project: TestProject) {
	if (!existsSync(`${buildDir}index.html`)) {
		throw new Error(`${buildDir}index.html not found: run npm run build first.`);
	}
	if (!existsSync(`${publicBuildDir}index.html`)) {
		throw new Error(`${publicBuildDir}index.html not found: run npm run build:public first (npm run test:e2e does).`);
	}
	const chromiumPath = resolveChromium();

	const server = createSiteServer(buildDir);
	const publicServer = createSiteServer(publicBuildDir);
	// Every request but the test's own look at the list is a leak; CORS is open so that only our rules stop one.
	const hits: string[] = [];
	const other = createServer((req, res) => {
		res.setHeader('Access-Control-Allow-Origin', '*');
		if (req.url === '/__hits') return res.end(JSON.stringify(hits));
		hits.push(`${req.method} ${req.url}`);
		res.setHeader('Content-Type', 'text/csv');
		res.end('leaked\n42\n');
	});
	const listen = (s: typeof server) =>
		new Promise<number>((resolve, reject) => {
			s.once('error', reject);
			s.listen(0, '127.0.0.1', () => resolve((s.address() as AddressInfo).port));
		});

	project.provide('baseUrl', `http://127.0.0.1:${await listen(server)}`);
	project.provide('otherOrigin', `http://127.0.0.1:${await listen(other)}`);
	project.provide('publicBaseUrl', `http://127.0.0.1:${await listen(publicServer)}`);
	project.provide('chromiumPath', chromiumPath);

	return async () => {
		for (const s of [server, other, publicServer]) {
			s.closeAllConnections();
			await new Promise<void>((resolve) => s.close(() => resolve()));
		}
	};
}
