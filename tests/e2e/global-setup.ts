// Vitest globalSetup for the "e2e" project: serves build/ with sirv on a free 127.0.0.1 port
// (as `npm run serve` does) and tells the tests where the site and Chromium are.
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		chromiumPath: string;
	}
}

const buildDir = fileURLToPath(new URL('../../build/', import.meta.url));

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
	const chromiumPath = resolveChromium();

	// Same options as `sirv build --gzip --brotli --etag` (npm run serve).
	const serve = sirv(buildDir, { gzip: true, brotli: true, etag: true });
	const server = createServer((req, res) => serve(req, res));
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	const { port } = server.address() as AddressInfo;

	project.provide('baseUrl', `http://127.0.0.1:${port}`);
	project.provide('chromiumPath', chromiumPath);

	return async () => {
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	};
}
