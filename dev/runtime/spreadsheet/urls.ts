// A spreadsheet's address: what Spreadsheet.getUrl() gives, and the id read
// back out of one (SpreadsheetApp.openByUrl, IMPORTRANGE).

export function spreadsheetUrl(id: string): string {
  return `https://docs.google.com/spreadsheets/d/${id}/edit`;
}

const URL = /^https:\/\/docs\.google\.com\/spreadsheets\/d\/([A-Za-z0-9_-]+)/;

/** The id in a spreadsheet URL (anything may follow it: /edit, #gid=0...), or undefined. */
export function idInUrl(url: string): string | undefined {
  return URL.exec(url)?.[1];
}
