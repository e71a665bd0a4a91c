// Okabe–Ito colours: distinguishable with the common colour-vision deficiencies, and dark enough on white.
export const PALETTE = {
	blue: '#0072B2',
	orange: '#E69F00',
	skyBlue: '#56B4E9',
	green: '#009E73',
	vermillion: '#D55E00',
	purple: '#CC79A7'
} as const;
