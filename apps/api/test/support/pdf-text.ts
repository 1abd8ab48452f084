import { extractText, getDocumentProxy, getResolvedPDFJS } from 'unpdf';

/**
 * The text of a PDF, read back with PDF.js (the `unpdf` build, no Debian package needed): all pages
 * joined, runs of white space as one space, so a test can look for a sentence across line breaks.
 */
export async function pdfText(bytes: Uint8Array | Buffer): Promise<{ text: string; pages: number }> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text, totalPages } = await extractText(pdf, { mergePages: true });
  return { text: text.replace(/\s+/g, ' ').trim(), pages: totalPages };
}

/** PDF.js's path operators inside a `constructPath` (its `DrawOPS`), with their number of arguments. */
const PATH_ARGS: Record<number, number> = { 0: 2, 1: 2, 2: 6, 3: 4, 4: 0 };

interface Square {
  x: number;
  y: number;
  side: number;
}

/** The axis-aligned squares of one path (move, three lines, close), skipping anything else. */
function squaresOf(data: ArrayLike<number>): Square[] {
  const squares: Square[] = [];
  let points: number[][] = [];
  for (let i = 0; i < data.length;) {
    const op = data[i++];
    const n = PATH_ARGS[op];
    if (n === undefined) throw new Error(`unknown path operator ${op}`);
    if (op === 0) points = [];
    if (op === 0 || op === 1) points.push([data[i], data[i + 1]]);
    if (op === 4 && points.length === 4) {
      const xs = points.map((p) => p[0]);
      const ys = points.map((p) => p[1]);
      const w = Math.max(...xs) - Math.min(...xs);
      const h = Math.max(...ys) - Math.min(...ys);
      if (w > 0 && Math.abs(w - h) < 0.01) squares.push({ x: Math.min(...xs), y: Math.min(...ys), side: w });
    }
    i += n;
  }
  return squares;
}

/**
 * The QR code drawn on a PDF's first page as vector squares (one per dark module, as pdfkit draws
 * them), read back from PDF.js's operator list: the dark modules as rows of booleans, top row
 * first. The QR code is the filled path with the most squares of one size; its top-left module is
 * always dark (a finder pattern), which fixes the grid.
 */
export async function pdfQrModules(bytes: Uint8Array | Buffer): Promise<boolean[][]> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { OPS } = await getResolvedPDFJS();
  const ops = await (await pdf.getPage(1)).getOperatorList();
  let modules: Square[] = [];
  ops.fnArray.forEach((fn, i) => {
    if (fn !== OPS.constructPath) return;
    const [, [data]] = ops.argsArray[i] as [number, [ArrayLike<number>]];
    const squares = squaresOf(data);
    const side = squares[0]?.side;
    const same = squares.filter((s) => Math.abs(s.side - side) < 0.01);
    if (same.length > modules.length) modules = same;
  });
  if (!modules.length) throw new Error('no QR code on the first page');
  const cell = modules[0].side;
  const x0 = Math.min(...modules.map((m) => m.x));
  const y0 = Math.min(...modules.map((m) => m.y));
  const size = Math.round((Math.max(...modules.map((m) => m.x)) - x0) / cell) + 1;
  const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  for (const m of modules) grid[Math.round((m.y - y0) / cell)][Math.round((m.x - x0) / cell)] = true;
  return grid;
}
