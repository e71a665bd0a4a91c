// `npm run data:national`: the national demo set for the national pages. Always: the pages' figures with
// disclosure control applied and the boundaries joined to TERC codes (src/lib/generated/national*.json, read at
// build time by the prerendered pages, which draw the maps as SVG). With --arrow also the tables DuckDB will
// load for the national filters: centres and a pre-aggregated cube (no participant rows), and each voivodeship's
// participants on their own. NATIONAL_PARTICIPANTS sets the size (default 1,000,000), NATIONAL_VOIVODESHIPS a
// comma list of 2-digit codes for a smaller set; a voivodeship's rows do not depend on that choice.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { Bool, DateDay, Dictionary, Float64, Int16, Int32, Table, Utf8, tableFromArrays, tableToIPC, vectorFromArray } from 'apache-arrow';
import { toArrowIPC } from '../../src/lib/db/arrow';
import { allowedValues, type TableName, type Tables } from '../../src/lib/dictionary';
import { loadData } from '../data/index';
import { buildCube, cubeIPC, cubeStrata, strataIPC } from './cube';
import { generateNational, NATIONAL_DEFAULTS } from './generate';
import { joinPowiats, joinVoivodeships } from './geo-join';
import { readTerc, type Register } from './register';
import type { NationalShapes } from '../../src/lib/maps/geometry';
import type { NationalFile, NationalManifest } from '../../src/lib/db/national';
import { nationalSummary } from './summary';

const root = resolve(import.meta.dirname, '../..');
const outDir = process.env.NATIONAL_DIR ? resolve(process.env.NATIONAL_DIR) : join(root, 'static/national');
const summaryFile = join(root, 'src/lib/generated/national.json');
const keyFile = join(root, 'src/lib/generated/national.key');
const shapesFile = join(root, 'src/lib/generated/national-shapes.json');

function write(name: string, bytes: Uint8Array, ext: string, rows: number, voivodeship?: string, fileName = name): NationalFile {
	// Content-hashed names: a static host may cache them forever.
	const file = `${fileName}.${createHash('sha256').update(bytes).digest('hex').slice(0, 10)}.${ext}`;
	writeFileSync(join(outDir, file), bytes);
	return { name, file, rows, bytes: bytes.byteLength, gzipBytes: gzipSync(bytes).byteLength, ...(voivodeship ? { voivodeship } : {}) };
}

const arrow = (columns: Record<string, ArrayLike<unknown>>) => tableToIPC(tableFromArrays(columns as Parameters<typeof tableFromArrays>[0]) as Table, 'stream');

/** The boundaries joined to TERC codes, for the maps the national pages draw at build time. */
export function nationalShapes(register: Register): NationalShapes {
	const voivodeships = joinVoivodeships(JSON.parse(readFileSync(join(root, 'data/geo/wojewodztwa.geojson'), 'utf8')), register);
	const powiats = joinPowiats(JSON.parse(readFileSync(join(root, 'data/geo/powiaty.geojson'), 'utf8')), voivodeships, register);
	return { voivodeships: voivodeships.map((v) => v.feature), powiats: powiats.map((p) => p.feature) };
}

/** The tables DuckDB will load for the national views' filters: centres, the cube, the real centres' own, regions. */
export function writeEngineFiles(set: Tables, register: Register): NationalFile[] {
	const files: NationalFile[] = [];
	const powiatName = new Map(register.powiats.map((p) => [p.code, p.name]));
	const voivodeshipName = new Map(register.voivodeships.map((v) => [v.code, v.name]));

	const centres = set.centres;
	files.push(
		write(
			'centres',
			arrow({
				centre_id: centres.map((c) => c.centre_id),
				short_name: centres.map((c) => c.short_name),
				gmina: centres.map((c) => c.gmina),
				teryt: centres.map((c) => c.teryt),
				kind: centres.map((c) => c.kind),
				gmina_type: centres.map((c) => c.gmina_type),
				powiat_code: centres.map((c) => c.teryt.slice(0, 4)),
				powiat: centres.map((c) => powiatName.get(c.teryt.slice(0, 4))!),
				voivodeship_code: centres.map((c) => c.teryt.slice(0, 2)),
				voivodeship: centres.map((c) => voivodeshipName.get(c.teryt.slice(0, 2))!),
				// The five centres with public pages: their published figures stay published wherever they appear.
				has_sources: centres.map((c) => !c.centre_id.startsWith('g'))
			}),
			'arrow',
			centres.length
		)
	);

	const cube = buildCube(set);
	const strata = cubeStrata(cube);
	files.push(write('cube', cubeIPC(cube, strata), 'arrow', cube.length));
	files.push(write('strata', strataIPC(strata), 'arrow', strata.length));

	// The real centres' own tables, whole: published figures with their sources beside the synthetic country.
	// cpi makes price_levels (db/schema.ts), for constant prices; editions and figures make edition_facts.
	for (const name of ['sources', 'editions', 'figures', 'cpi'] as const satisfies TableName[]) {
		const rows = set[name] as unknown as Record<string, unknown>[];
		files.push({ ...write(name, toArrowIPC(name, rows), 'arrow', rows.length), ...(name === 'editions' ? { audience: 'explorer' as const } : {}) });
	}
	// The national pages read editions only for the real centres' cost at constant prices: theirs alone (under
	// the same table name), not the 12,709 synthetic ones the explorer offers, which took 0.1 s of the engine's start.
	const sourced = set.editions.filter((e) => !e.centre_id.startsWith('g')) as unknown as Record<string, unknown>[];
	files.push({ ...write('editions', toArrowIPC('editions', sourced), 'arrow', sourced.length, undefined, 'editions-sourced'), audience: 'pages' });

	// Participant rows by voivodeship, for the regional views that filter or explore them: one row per participant
	// with the total cost of their support and the forms they got (one bit per form, in the dictionary's order),
	// so a region needs no support rows. Ids repeat per row, so they are dictionary-encoded.
	const regionOf = new Map(set.centres.map((c) => [c.centre_id, c.teryt.slice(0, 2)]));
	const forms = allowedValues('support_form');
	const cost = new Map<string, number>();
	const received = new Map<string, number>();
	for (const s of set.support) {
		cost.set(s.participant_id, (cost.get(s.participant_id) ?? 0) + s.cost_pln);
		received.set(s.participant_id, (received.get(s.participant_id) ?? 0) | (1 << forms.indexOf(s.form)));
	}
	const categorical = (values: string[]) => vectorFromArray(values, new Dictionary(new Utf8(), new Int32()));
	for (const { code } of register.voivodeships) {
		const rows = set.participants.filter((p) => regionOf.get(p.centre_id) === code);
		if (rows.length === 0) continue;
		const table = new Table({
			participant_id: vectorFromArray(rows.map((p) => p.participant_id), new Utf8()),
			edition_id: categorical(rows.map((p) => p.edition_id)),
			centre_id: categorical(rows.map((p) => p.centre_id)),
			...Object.fromEntries((['pathway', 'sex', 'age_band', 'education', 'labour_status', 'completion', 'provenance'] as const).map((k) => [k, categorical(rows.map((p) => p[k]))])),
			...Object.fromEntries((['disability', 'outcome_employed', 'outcome_job_seeking', 'outcome_education', 'outcome_qualification'] as const).map((k) => [k, vectorFromArray(rows.map((p) => p[k]), new Bool())])),
			start_date: vectorFromArray(rows.map((p) => (p.start_date ? new Date(`${p.start_date}T00:00:00Z`) : null)), new DateDay()),
			end_date: vectorFromArray(rows.map((p) => (p.end_date ? new Date(`${p.end_date}T00:00:00Z`) : null)), new DateDay()),
			cost_pln: vectorFromArray(rows.map((p) => Math.round((cost.get(p.participant_id) ?? 0) * 100) / 100), new Float64()),
			support_forms: vectorFromArray(rows.map((p) => received.get(p.participant_id) ?? 0), new Int16())
		});
		files.push(write(`participants-${code}`, tableToIPC(table, 'stream'), 'arrow', rows.length, code));
	}
	return files;
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;

/** What the national set is made from: when none of it changed, the last build's files stand (a build runs twice in the tests). */
function inputsKey(options: object, arrowFiles: boolean): string {
	const hash = createHash('sha256').update(JSON.stringify({ options, arrowFiles }));
	const files = (dir: string) => readdirSync(join(root, dir), { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name));
	for (const file of [...files('data'), ...files('scripts/national'), ...files('scripts/data'), join(root, 'src/lib/stats/hierarchy.ts'), join(root, 'src/lib/stats/linked-tables.ts'), join(root, 'src/lib/stats/disclosure.ts')].sort())
		hash.update(file).update(readFileSync(file));
	return hash.digest('hex');
}

async function main() {
	const started = performance.now();
	const arrowFiles = process.argv.includes('--arrow');
	const register = readTerc(join(root, 'data/registers/terc-2020-01-01.csv'));
	const only = process.env.NATIONAL_VOIVODESHIPS?.split(',').map((s) => s.trim()).filter(Boolean);
	const options = { ...NATIONAL_DEFAULTS, participants: Number(process.env.NATIONAL_PARTICIPANTS ?? NATIONAL_DEFAULTS.participants), ...(only?.length ? { voivodeships: only } : {}) };
	const key = inputsKey(options, arrowFiles);
	if (existsSync(keyFile) && readFileSync(keyFile, 'utf8') === key && existsSync(summaryFile) && existsSync(shapesFile) && (!arrowFiles || existsSync(join(outDir, 'manifest.json')))) {
		console.log('✓ national set unchanged since the last build: kept');
		return;
	}
	const set = generateNational(register, loadData(join(root, 'data')), options);
	rmSync(outDir, { recursive: true, force: true });
	if (arrowFiles) mkdirSync(outDir, { recursive: true });
	const files = arrowFiles ? writeEngineFiles(set, register) : [];
	// `tables` is what the explorer's engine loads (a DataManifest, as for the five centres), `pages` what the national
	// pages' engine loads; `regions` are each voivodeship's participant rows, loaded only by a view that asks for its region.
	const whole = files.filter((f) => !f.voivodeship);
	if (arrowFiles)
		writeFileSync(
			join(outDir, 'manifest.json'),
			JSON.stringify({ tables: whole.filter((f) => f.audience !== 'pages'), pages: whole.filter((f) => f.audience !== 'explorer'), regions: files.filter((f) => f.voivodeship) } satisfies NationalManifest, null, '\t')
		);
	mkdirSync(dirname(summaryFile), { recursive: true });
	writeFileSync(summaryFile, JSON.stringify(nationalSummary(set, register)));
	writeFileSync(shapesFile, JSON.stringify(nationalShapes(register)));
	writeFileSync(keyFile, key);
	const national = files.filter((f) => !f.voivodeship && f.audience !== 'explorer');
	const regional = files.filter((f) => f.voivodeship);
	const sum = (fs: NationalFile[], key: 'bytes' | 'gzipBytes') => fs.reduce((s, f) => s + f[key], 0);
	console.log(`✓ national set: ${set.centres.length} centres, ${set.participants.length} participants, ${set.support.length} support rows in ${Math.round(performance.now() - started)} ms`);
	for (const f of national) console.log(`  ${f.name.padEnd(20)} ${String(f.rows).padStart(8)} rows  ${mb(f.bytes)}  ${mb(f.gzipBytes)} gzipped`);
	if (arrowFiles) console.log(`  national view (the pages' engine, no participant rows): ${mb(sum(national, 'bytes'))}, ${mb(sum(national, 'gzipBytes'))} gzipped`);
	for (const code of [...new Set(regional.map((f) => f.voivodeship!))]) {
		const own = regional.filter((f) => f.voivodeship === code);
		console.log(`  voivodeship ${code}: ${own[0].rows} participants, ${mb(sum(own, 'bytes'))}, ${mb(sum(own, 'gzipBytes'))} gzipped`);
	}
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main();
