// A powiat in a national address: its 4-digit TERC code.
import type { ParamMatcher } from '@sveltejs/kit';

export const match: ParamMatcher = (param) => /^\d{4}$/.test(param);
