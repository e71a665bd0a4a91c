// `npm test`'s first half: the unit tests and the type check at once, since neither writes what the other reads
// (the generated data and SvelteKit's types are made before, once). Each one's output is printed whole when it ends,
// so the log reads as if they had run one after the other; the exit status fails if either failed.
import { spawn } from 'node:child_process';

const JOBS: [string, string[]][] = [
	['unit tests', ['vitest', 'run', '--project', 'unit']],
	['type check', ['svelte-check', '--tsconfig', './tsconfig.json']]
];

function run([name, args]: [string, string[]]): Promise<boolean> {
	return new Promise((resolve) => {
		const started = Date.now();
		const child = spawn('npx', args, { env: { ...process.env, FORCE_COLOR: '1' } });
		const output: Buffer[] = [];
		child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
		child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
		child.on('close', (code) => {
			process.stdout.write(`\n==> ${name} (${((Date.now() - started) / 1000).toFixed(0)} s, exit ${code})\n`);
			process.stdout.write(Buffer.concat(output));
			resolve(code === 0);
		});
	});
}

const results = await Promise.all(JOBS.map(run));
if (results.includes(false)) process.exit(1);
