// After `vite build`: writes the security headers beside the site, for hosts that read a `_headers` file, and as
// an nginx snippet, so that what a static host sends is exactly what `npm start` sends.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { headersFile, nginxConf, securityHeaders } from './headers';

const buildDir = resolve(import.meta.dirname, '../..', process.env.BUILD_DIR ?? 'build');
const headers = securityHeaders(buildDir);
writeFileSync(resolve(buildDir, '_headers'), headersFile(headers));
writeFileSync(resolve(buildDir, 'nginx-headers.conf'), nginxConf(headers));
console.log(`security headers: ${buildDir}/_headers and nginx-headers.conf (${headers['Content-Security-Policy'].length} characters of CSP)`);
