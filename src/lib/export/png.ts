// A chart as PNG: the canvas on white, with its title above and, below, where it comes from and — when it holds
// synthetic figures — that it does, so the picture carries its honesty marks when it travels alone.
const PAD = 16;
const LINE = 20;

export async function chartPng(canvas: HTMLCanvasElement, title: string, footer: string[]): Promise<Uint8Array> {
	const out = document.createElement('canvas');
	const scale = canvas.width / canvas.clientWidth || 1;
	out.width = canvas.width + PAD * 2 * scale;
	out.height = canvas.height + (PAD * 2 + LINE * (1 + footer.length)) * scale;
	const ctx = out.getContext('2d')!;
	ctx.fillStyle = '#fff';
	ctx.fillRect(0, 0, out.width, out.height);
	ctx.scale(scale, scale);
	ctx.fillStyle = '#1b1b1b';
	ctx.font = 'bold 15px system-ui, sans-serif';
	ctx.fillText(title, PAD, PAD + 14);
	ctx.drawImage(canvas, PAD, PAD + LINE, canvas.clientWidth, canvas.clientHeight);
	ctx.font = '12px system-ui, sans-serif';
	ctx.fillStyle = '#4a4a4a';
	footer.forEach((line, i) => ctx.fillText(line, PAD, PAD + LINE + canvas.clientHeight + LINE * (i + 1)));
	const blob = await new Promise<Blob | null>((resolve) => out.toBlob(resolve, 'image/png'));
	if (!blob) throw new Error('PNG: przeglądarka nie utworzyła obrazu');
	return new Uint8Array(await blob.arrayBuffer());
}
