// What an export says about itself: its title, the filters and price basis in words, its sources and the date.
import { allowedValues, valueLabel } from '../dictionary';
import { ui } from '../i18n';
import { OUTCOMES, type Filters } from '../queries/filters';
import type { ExportMeta } from './table';

/** The active filters and the price basis in words, for the export's description. */
export function describeFilters(filters: Filters, centreNames: Map<string, string>): string[] {
	const t = ui.filters;
	const list = (legend: string, values: string[]) => (values.length ? [`${legend}: ${values.join(', ')}`] : []);
	return [
		...list(t.centres, filters.centres.map((id) => centreNames.get(id) ?? id)),
		...list(t.years, filters.years.map((y) => (y === null ? t.unknownYear : String(y)))),
		...list(t.sex, filters.sex.map((v) => valueLabel('sex', v))),
		...list(t.ageBands, filters.ageBands.map((v) => valueLabel('age_band', v))),
		...list(t.education, filters.education.map((v) => valueLabel('education', v))),
		...list(t.labourStatus, filters.labourStatus.map((v) => valueLabel('labour_status', v))),
		...list(t.supportForms, filters.supportForms.filter((v) => allowedValues('support_form').includes(v)).map((v) => valueLabel('support_form', v))),
		...list(t.outcomes, filters.outcomes.filter((v) => OUTCOMES.includes(v)).map((v) => t.outcomeLabels[v])),
		`${ui.prices.label}: ${ui.prices.basis(filters.priceBase)}`,
		filters.view === 'published' ? ui.view.published : ui.view.all
	];
}

export function exportMeta(title: string, filters: Filters, centreNames: Map<string, string>, sources: string[], now = new Date()): ExportMeta {
	return { title, filters: describeFilters(filters, centreNames), sources, provenance: ui.exports.provenance, exportedAt: now.toISOString() };
}
