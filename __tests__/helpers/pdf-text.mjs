/**
 * Prints the text of each page of a PDF as a JSON list of strings (one per page, its text items joined
 * by spaces), for the browser tests that check Chromium's print-to-PDF. Mozilla's PDF.js, run in a child
 * process because it is an ES module and the tests are CommonJS.
 *
 *   node __tests__/helpers/pdf-text.mjs FILE.pdf
 */
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const pdf = await getDocument({ data: new Uint8Array(readFileSync(process.argv[2])), useSystemFonts: false }).promise;
const pages = [];
for (let n = 1; n <= pdf.numPages; n++) {
  const content = await (await pdf.getPage(n)).getTextContent();
  pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
}
process.stdout.write(JSON.stringify(pages));
