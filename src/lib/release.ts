// Which release this build is. The demo ships synthetic participant rows and DuckDB answers every view in the
// browser. The public release (`npm run build:public`, for real data) ships no participant rows at all: every page
// shows only the protected aggregates made at build time, and the SQL explorer sees only those.
declare const __PUBLIC_RELEASE__: boolean;

export const PUBLIC_RELEASE: boolean = typeof __PUBLIC_RELEASE__ !== 'undefined' && __PUBLIC_RELEASE__;
