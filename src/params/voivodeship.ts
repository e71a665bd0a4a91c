// A voivodeship in a national address: its 2-digit TERC code.
import type { ParamMatcher } from '@sveltejs/kit';

export const match: ParamMatcher = (param) => /^\d{2}$/.test(param);
