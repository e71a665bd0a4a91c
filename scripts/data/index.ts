// `npm run data`: validates data/, generates the synthetic participants and support, proves their calibration to
// every published figure, then writes what the browser loads (static/data/*.arrow + manifest) and the build-time
// snapshot the prerendered first view shows before DuckDB is ready. Any problem stops the build, named exactly.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { dictionary, type Activity, type Cpi, type Edition, type Figure, type TableName, type Tables } from '../../src/lib/dictionary';
import { checkCalibration } from '../../src/lib/validation/calibration';
import { formatIssue, toTyped, validateBudgets, validatePopulations, validateProvenance, validateReferences, validateTable, type DataIssue, type RawTable } from '../../src/lib/validation/validate';
import { priceLevels } from '../../src/lib/prices/deflate';
import { createNodeDatabase } from '../../src/lib/db/node';
import { buildSnapshot } from './snapshot';
import { generate } from './generate';
import { toArrowIPC } from '../../src/lib/db/arrow';
import { readCsvTable } from './read';

const root = resolve(import.meta.dirname, '../..');
const dataDir = process.env.DATA_DIR ? resolve(process.env.DATA_DIR) : join(root, 'data');
const outDir = join(root, 'static/data');
const snapshotFile = join(root, 'src/lib/generated/snapshot.json');

export class DataError extends Error {
	constructor(readonly issues: DataIssue[]) {
		super(`${issues.length} problem(s) in data:\n${issues.map((i) => `  - ${formatIssue(i)}`).join('\n')}`);
	}
}

/** Reads and checks data/ (or `dir`); returns typed tables or throws DataError listing every problem. */
export function loadData(dir: string): Tables {
	const sourceTables: TableName[] = ['sources', 'centres', 'editions', 'figures', 'activities', 'cpi', 'populations'];
	const raws: RawTable[] = sourceTables.map((t) => readCsvTable(t, join(dir, dictionary.tables[t].file!), `data/${dictionary.tables[t].file}`));
	const issues = raws.flatMap(validateTable);
	const sourceTexts = new Map<string, string>();
	for (const row of raws[0].rows) {
		if (!row.values.file) continue;
		try {
			sourceTexts.set(row.values.source_id, readFileSync(join(dir, row.values.file), 'utf8'));
		} catch {
			issues.push({ file: 'data/sources.csv', row: row.line, column: 'file', value: row.values.file, rule: 'nie ma takiego pliku w data/' });
		}
	}
	issues.push(...validateReferences(raws), ...validateProvenance(raws, sourceTexts), ...validatePopulations(raws.find((r) => r.table === 'populations')!));
	if (issues.length) throw new DataError(issues);

	const [sources, centres, editions, figures, activities, cpi, populations] = raws.map((r) => toTyped(r));
	issues.push(...validateBudgets(figures as Figure[], 'data/figures.csv'));
	// The deflator needs one unbroken chain of years; a gap would leave every later year unlinked.
	try {
		priceLevels(cpi as Cpi[]);
	} catch (error) {
		issues.push({ file: 'data/cpi.csv', row: null, column: 'year', value: null, rule: (error as Error).message });
	}
	const { participants, support } = generate(editions as Edition[], figures as Figure[], activities as Activity[]);
	const tables = { sources, centres, editions, figures, activities, cpi, populations, participants, support } as Tables;

	// Generated rows pass the same dictionary rules as hand-written ones, and must reproduce every published figure.
	for (const table of ['participants', 'support'] as const) {
		const header = dictionary.tables[table].columns.map((c) => c.name);
		const rows = tables[table].map((row, i) => ({
			line: i + 2,
			values: Object.fromEntries(header.map((h) => [h, stringify((row as unknown as Record<string, unknown>)[h])]))
		}));
		const raw: RawTable = { table, file: `${table} (wygenerowane)`, header, rows };
		issues.push(...validateTable(raw));
	}
	issues.push(...checkCalibration(tables));
	if (issues.length) throw new DataError(issues);
	return tables;
}

const stringify = (v: unknown) => (v === null || v === undefined ? '' : String(v));

function writeBrowserFiles(tables: Tables) {
	rmSync(outDir, { recursive: true, force: true });
	mkdirSync(outDir, { recursive: true });
	const manifest = {
		tables: (Object.keys(tables) as TableName[]).map((name) => {
			const ipc = toArrowIPC(name, tables[name] as unknown as Record<string, unknown>[]);
			// Content-hashed names: a static host may cache them forever.
			const file = `${name}.${createHash('sha256').update(ipc).digest('hex').slice(0, 10)}.arrow`;
			writeFileSync(join(outDir, file), ipc);
			return { name, file, rows: tables[name].length, bytes: ipc.byteLength };
		})
	};
	writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, '\t'));
	return manifest;
}

async function main() {
	const started = performance.now();
	let tables: Tables;
	try {
		tables = loadData(dataDir);
	} catch (error) {
		if (error instanceof DataError) {
			console.error(`\n✗ npm run data: ${error.message}\n`);
			process.exit(1);
		}
		throw error;
	}
	const manifest = writeBrowserFiles(tables);
	const snapshot = await buildSnapshot(createNodeDatabase(outDir));
	mkdirSync(join(root, 'src/lib/generated'), { recursive: true });
	writeFileSync(snapshotFile, JSON.stringify(snapshot, null, '\t'));
	// The pages' own words, for each centre page to show in full beside the figures quoted from it.
	const texts = Object.fromEntries(tables.sources.filter((s) => s.file).map((s) => [s.source_id, readFileSync(join(dataDir, s.file!), 'utf8').trim()]));
	writeFileSync(join(root, 'src/lib/generated/source-texts.json'), JSON.stringify(texts, null, '\t'));
	const rows = manifest.tables.map((t) => `${t.name} ${t.rows}`).join(', ');
	console.log(`✓ data valid and calibrated; wrote static/data (${rows}) and the snapshot in ${Math.round(performance.now() - started)} ms`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main();
