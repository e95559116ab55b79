// A workbook's short name, as other workbooks write it in `Aligned to`
// (`Product/P1`): set-up suggests one from the spreadsheet's own name.

const FILLER = /\b(okrs?|objectives( and key results)?|team|workbook|sheet|tracker)\b/gi;

/**
 * `Acme — Product team OKRs` → `Product`; `Company OKRs 2026` → `Company 2026`;
 * the part after the last dash (an organisation's prefix), without the words
 * every OKR workbook's name has. The whole name when nothing is left.
 */
export function shortWorkbookName(spreadsheetName: string): string {
  const parts = spreadsheetName.split(/\s+[—–-]\s+/);
  const last = parts[parts.length - 1] ?? '';
  const short = last.replace(FILLER, ' ').replace(/\s+/g, ' ').trim();
  return short || spreadsheetName.trim();
}
