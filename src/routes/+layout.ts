// Every page is prerendered to static HTML: the first view needs no JavaScript and no DuckDB.
export const prerender = true;
export const trailingSlash = 'always';
