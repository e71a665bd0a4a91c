// Hands a file to the browser's download: nothing leaves the machine, the file is made here.
export function download(bytes: Uint8Array | string, fileName: string, type: string): void {
	const blob = new Blob([bytes as BlobPart], { type });
	const url = URL.createObjectURL(blob);
	const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
	document.body.append(link);
	link.click();
	link.remove();
	// The download has started from the object URL; free it once the click has been handled.
	setTimeout(() => URL.revokeObjectURL(url), 0);
}

export const MIME = {
	csv: 'text/csv;charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	parquet: 'application/vnd.apache.parquet',
	arrow: 'application/vnd.apache.arrow.stream',
	png: 'image/png'
} as const;
