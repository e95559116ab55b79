// The playground driven as a person uses it, for the check-in panel's tests.
import type { FrameLocator, Page } from 'playwright-core';
import type { Playground } from '../../dev/playground/server';
import { runMenuItem } from '../playground/browser';
import { get, post } from '../playground/helpers';

export const panel = (page: Page): FrameLocator => page.frameLocator('.sidebar iframe');

/** The company workbook the playground opens first. */
export async function companyWorkbook(playground: Playground): Promise<string> {
  const state = await get<{ workbooks: { id: string; name: string }[] }>(playground, '/api/state');
  return state.workbooks.find((w) => /Company/.test(w.name))!.id;
}

/** A tab's cells as Sheets displays them. */
export async function sheetText(playground: Playground, workbook: string, sheet: string): Promise<string[][]> {
  const view = await get<{ cells: { t: string }[][] }>(
    playground,
    `/api/sheet?workbook=${encodeURIComponent(workbook)}&sheet=${encodeURIComponent(sheet)}`,
  );
  return view.cells.map((row) => row.map((cell) => cell.t)).filter((row) => row.some((t) => t !== ''));
}

/** The Key Results row of a key result, by its title, with the header's names. */
export async function keyResultRow(playground: Playground, workbook: string, title: string): Promise<Record<string, string>> {
  const [header, ...rows] = await sheetText(playground, workbook, 'Key Results');
  const row = rows.find((r) => r.includes(title));
  if (!row) throw new Error(`No key result titled ${title}`);
  return Object.fromEntries(header!.map((name, i) => [name, row[i] ?? '']));
}

/** Types into a cell as a person would (the playground's edit API is what its grid calls). */
export async function editCell(
  playground: Playground,
  workbook: string,
  sheet: string,
  a1: string,
  input: string,
  user: string,
): Promise<void> {
  const { status, body } = await post(playground, '/api/edit', { workbook, sheet, a1, input, user });
  if (status !== 200) throw new Error(`edit failed: ${JSON.stringify(body)}`);
}

/** Signs in as someone else (the playground's "Signed in as"), then opens Extensions > OKR Sheets > Check in. */
export async function openCheckin(page: Page, user: string): Promise<FrameLocator> {
  const signedIn = page.getByLabel('Signed in as');
  if ((await signedIn.inputValue()) !== user) {
    // Switching re-opens the workbook as that person; the sheet reloads last.
    const reloaded = page.waitForResponse((response) => response.url().includes('/api/sheet'));
    await signedIn.selectOption(user);
    await reloaded;
  }
  await runMenuItem(page, 'Check in');
  const frame = panel(page);
  await frame.locator('.kr').first().waitFor({ timeout: 15_000 });
  return frame;
}
