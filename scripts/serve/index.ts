// `npm run serve`: the built site at http://127.0.0.1:4173 (PORT and HOST override), as a static host should
// serve it: with the Content-Security-Policy and the other security headers on every file.
import { resolve } from 'node:path';
import { createSiteServer } from './server';

const buildDir = resolve(import.meta.dirname, '../..', process.env.BUILD_DIR ?? 'build');
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 4173);

createSiteServer(buildDir).listen(port, host, () => console.log(`Pulpit: http://${host}:${port}/`));
