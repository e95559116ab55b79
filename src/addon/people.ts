import { Cell } from '../okr/cells';
import { People, ownersToAdd } from '../okr/people';
import { KEY_RESULTS, OBJECTIVES, PEOPLE } from '../okr/schema';
import { matchHeaders, readTable } from '../okr/table';
import { Tabs } from './tabs';
import { writeValues } from './write';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Someone set-up can add to People: a name or an address an owner cell holds. */
export interface NewPerson {
  name: string;
  email: string;
}

/**
 * The owners written in Objectives and Key Results that the People tab does
 * not know yet, each once, from the tabs as read (each as its values, header
 * row included, [] when there is none): set-up asks from what it read under
 * the lock, and adding reads them again under the lock.
 */
export function ownersMissing(objectives: Cell[][], keyResults: Cell[][], people: Cell[][]): NewPerson[] {
  const owners = [
    ...readTable(objectives, OBJECTIVES).rows.map((row) => row.get('Owner')),
    ...readTable(keyResults, KEY_RESULTS).rows.map((row) => row.get('Owner')),
  ];
  return ownersToAdd(owners, new People(people));
}

/**
 * Adds the owners People does not know yet below its last row: names in
 * Name, addresses in Email, nothing in any other cell. Rows already there
 * are never changed. Reads everything again, so what someone added in the
 * meantime is not added twice. Call it holding the document lock.
 */
export function addOwnersToPeople(spreadsheet: Spreadsheet): NewPerson[] {
  const sheets = new Tabs(spreadsheet);
  const sheet = sheets.get(PEOPLE.name);
  if (!sheet) return [];
  const read = (name: string): Cell[][] => (sheets.get(name)?.getDataRange().getValues() as Cell[][] | undefined) ?? [];
  const values = read(PEOPLE.name);
  const added = ownersMissing(read(OBJECTIVES.name), read(KEY_RESULTS.name), values);
  if (added.length === 0) return [];
  const columns = matchHeaders(values[0] ?? [], PEOPLE.headers);
  const name = columns.get('Name');
  const email = columns.get('Email');
  if (name === undefined || email === undefined) return [];
  const first = values.length + 1;
  const last = first + added.length - 1;
  if (last > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), last - sheet.getMaxRows());
  const write = (column: number, cells: string[]) =>
    writeValues(
      sheet.getRange(first, column + 1, cells.length, 1),
      cells.map((cell) => [cell]),
    );
  if (email === name + 1) {
    writeValues(
      sheet.getRange(first, name + 1, added.length, 2),
      added.map((p) => [p.name, p.email]),
    );
  } else {
    write(
      name,
      added.map((p) => p.name),
    );
    write(
      email,
      added.map((p) => p.email),
    );
  }
  return added;
}
