import { Cell, isBlank, normalise, showId } from './cells';
import { Add } from './findings';
import { People, Person, isEmail } from './people';
import { KeyResultColumn, ObjectiveColumn } from './schema';
import { Table, TableRow } from './table';

// What Validate says about owners and the People tab: an owner nobody can be
// found from, and the People rows that would send the panel or the emails to
// the wrong person or to nobody.

type Owned = Table<ObjectiveColumn> | Table<KeyResultColumn>;

export function checkPeople(objectives: Owned, keyResults: Owned, people: People, add: Add): void {
  const owners = new Set<Person>();
  for (const [table, kind] of [
    [objectives, 'Objective'],
    [keyResults, 'Key result'],
  ] as const) {
    for (const row of (table as Table<'ID' | 'Owner'>).rows) {
      const owner = row.get('Owner');
      if (isBlank(owner)) continue; // missing-owner says so
      const resolved = people.resolve(owner);
      if (resolved.person) owners.add(resolved.person);
      if (!resolved.known) add('warning', 'unknown-owner', row.where('Owner'), unknownOwner(kind, row, owner, people));
    }
  }
  checkRows(people, owners, add);
}

function unknownOwner(kind: string, row: TableRow<'ID' | 'Owner'>, owner: Cell, people: People): string {
  const id = showId(row.get('ID'));
  const whose = id ? `${kind} ${id}` : `The ${kind.toLowerCase()} in row ${row.row}`;
  const nearest = people.nearestName(owner);
  const hint = nearest ? ` Did you mean "${nearest}"? If not, add` : ' Add';
  return `${whose} has owner "${showId(owner)}", which is neither an email address nor a name in the People tab.${hint} them to People with their email, so the check-in panel and the emails can find them.`;
}

function checkRows(people: People, owners: ReadonlySet<Person>, add: Add): void {
  const firstName = new Map<string, number>();
  const firstEmail = new Map<string, number>();
  for (const person of people.people) {
    const { row } = person;
    const who = person.name ? `"${person.name}"` : 'A person with no name';
    for (const [column, seen, value] of [
      ['Name', firstName, person.name],
      ['Email', firstEmail, person.email],
    ] as const) {
      const key = normalise(value);
      if (key === '') continue;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, row.row);
        continue;
      }
      add(
        'warning',
        'duplicate-person',
        row.where(column),
        `${column === 'Name' ? 'The name' : 'The email'} "${value}" is in People twice (rows ${first} and ${row.row}): owners written that way are matched with row ${first}. Remove or correct one of them.`,
      );
    }
    if (person.email !== '' && !isEmail(person.email)) {
      add(
        'warning',
        'bad-email',
        row.where('Email'),
        `${who} has email "${showId(person.email)}" in People row ${row.row}, which is not an email address: write it as name@example.com.`,
      );
    } else if (person.email === '' && owners.has(person)) {
      add(
        'warning',
        'missing-email',
        row.where('Email'),
        `${who} owns OKRs but has no email in People row ${row.row}: add it, so the check-in panel and the emails can reach them.`,
      );
    }
    const manager = row.get('Manager');
    if (!isBlank(manager) && people.find(manager) === undefined) {
      add(
        'warning',
        'unknown-manager',
        row.where('Manager'),
        `${who} has manager "${showId(manager)}", who is not in the People tab: add them, or write the name or email of a person there.`,
      );
    }
  }
}
