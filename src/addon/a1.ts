/** Column letters as Sheets writes them: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A sheet name as a formula or A1 reference needs it: quoted unless a plain word. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** `'Key Results'!F4` */
export function cellRef(sheet: string, row: number, column: number): string {
  return `${quoteSheet(sheet)}!${columnLetter(column)}${row}`;
}
