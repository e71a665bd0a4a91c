// Derived tables over the loaded ones, made once after loading, the same in the browser, in tests and at build
// time. Materialised, not views, where queries read them all the time: the data does not change after loading, and
// a view's pivot re-ran inside every query (10 to 40 ms each in the browser's engine, most of a filter change).
// Views where they are read rarely and the first answer must come soon: price_levels on every engine (only constant
// prices read it), edition_facts on the national pages (see DatabaseOptions).
import { FIGURE_KEYS } from '../dictionary';

/** Published figures pivoted to one row per edition; a figure no page states is NULL, never 0. */
const editionFacts = (kind: DerivedKind) => `
CREATE OR REPLACE ${kind} edition_facts AS
SELECT e.*, ${FIGURE_KEYS.map((k) => `max(f.value) FILTER (WHERE f.figure = '${k}') AS ${k}`).join(',\n       ')}
FROM editions e LEFT JOIN figures f USING (edition_id)
GROUP BY ALL`;

/**
 * Price level per year, chain-linked from GUS's CPI changes, with the year before the first change at 1. A view on
 * every engine: read only under constant prices, over a few CPI rows. Making it took 47–73 ms of a cold start (the
 * engine's first window function; the data phase fell about 23 ms median without it), for a question most visits
 * never ask; the first constant-prices answer pays that first use instead.
 */
const PRICE_LEVELS = `
CREATE OR REPLACE VIEW price_levels AS
SELECT year, exp(sum(ln(1 + cpi_change_pct / 100)) OVER (ORDER BY year)) AS level FROM cpi
UNION ALL
SELECT min(year) - 1, 1.0 FROM cpi`;

export type DerivedKind = 'TABLE' | 'VIEW';

export const schemaSql = (kind: DerivedKind = 'TABLE') => [
	// Offline by design: a query needing an extension fails clearly instead of trying to download it.
	'SET autoinstall_known_extensions = false',
	'SET autoload_known_extensions = false',
	editionFacts(kind),
	PRICE_LEVELS
];
