// Calls to the playground server.

import type { AllowOutcome, EditResult, RecordedMenu, SheetView, State, Step } from './types';

async function request<T>(method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const data = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(data.error ?? `${response.status} ${response.statusText}`);
  return data;
}

export const api = {
  state: (user: string) => request<State>('GET', `/api/state?user=${encodeURIComponent(user)}`),
  sheet: (workbook: string, sheet: string) =>
    request<SheetView>('GET', `/api/sheet?workbook=${encodeURIComponent(workbook)}&sheet=${encodeURIComponent(sheet)}`),
  open: (workbook: string, user: string) => request<{ menus: RecordedMenu[]; sheets: string[] }>('POST', '/api/open', { workbook, user }),
  create: (workbook: string, user: string) => request<{ id: string }>('POST', '/api/create', { workbook, user }),
  edit: (workbook: string, sheet: string, a1: string, input: string, user: string, confirmed = false) =>
    request<EditResult>('POST', '/api/edit', { workbook, sheet, a1, input, user, confirmed }),
  allowImport: (workbook: string, sheet: string, a1: string, user: string) =>
    request<AllowOutcome>('POST', '/api/allow-import', { workbook, sheet, a1, user }),
  columnWidth: (workbook: string, sheet: string, column: number, width: number, user: string) =>
    request<EditResult>('POST', '/api/column-width', { workbook, sheet, column, width, user }),
  menu: (workbook: string, user: string, functionName: string) => request<Step>('POST', '/api/menu', { workbook, user, functionName }),
  run: (workbook: string, user: string, functionName: string, args: unknown[]) =>
    request<Step>('POST', '/api/run', { workbook, user, functionName, args }),
  trigger: (uniqueId: string) => request<Step>('POST', '/api/trigger', { uniqueId }),
  answer: (user: string, button: string, text?: string) =>
    request<Step>('POST', '/api/answer', text === undefined ? { user, button } : { user, button, text }),
};
