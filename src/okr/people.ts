import { distance } from 'fastest-levenshtein';
import { Cell, cleanText, isBlank, normalise } from './cells';
import { PEOPLE, PeopleColumn } from './schema';
import { Table, TableRow, readTable } from './table';

// Who an owner is. Organisations write owners by name or role ("Priya Nair",
// "CRO") as often as by email; the People tab says who each name is. Every
// part of the add-on that needs a person (the check-in panel, validation, the
// emails) resolves an owner here, and nowhere else.

/** One row of the People tab. */
export interface Person {
  row: TableRow<PeopleColumn>;
  /** As written, trimmed. */
  name: string;
  email: string;
  team: string;
}

/** Who an owner cell names. */
export interface Owner {
  /** The address to write to: the owner itself when it is one, or the person's Email; undefined when there is none. */
  email: string | undefined;
  /** The People row the owner names (by Name, or by Email), if any. */
  person: Person | undefined;
  /** An address, or a name in People: someone the add-on can tell apart. */
  known: boolean;
}

/** How close a mistyped name may be to a name in People for a hint: two edits. */
const HINT_DISTANCE = 2;

/** An email address as people write one: something@domain.tld, no spaces. */
export function isEmail(value: Cell): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(cleanText(value));
}

export class People {
  readonly table: Table<PeopleColumn>;
  readonly people: readonly Person[];
  private readonly byName = new Map<string, Person>();
  private readonly byEmail = new Map<string, Person>();

  /** `values`: the People tab as read, header row included ([] when there is none). */
  constructor(values: readonly (readonly Cell[])[]) {
    this.table = readTable(values, PEOPLE);
    this.people = this.table.rows.map((row) => ({
      row,
      name: cleanText(row.get('Name')),
      email: cleanText(row.get('Email')),
      team: cleanText(row.get('Team')),
    }));
    // The first of two rows with the same name or email wins; validation reports the second.
    for (const person of this.people) {
      const name = normalise(person.name);
      const email = normalise(person.email);
      if (name && !this.byName.has(name)) this.byName.set(name, person);
      if (email && !this.byEmail.has(email)) this.byEmail.set(email, person);
    }
  }

  /**
   * The one way an owner becomes a person: an email address is itself (and
   * its People row, when it has one); anything else is a Name in People,
   * compared trimmed and case-insensitively, invisible characters removed.
   */
  resolve(owner: Cell): Owner {
    if (isBlank(owner)) return { email: undefined, person: undefined, known: false };
    const key = normalise(owner);
    if (isEmail(owner)) return { email: cleanText(owner), person: this.byEmail.get(key), known: true };
    const person = this.byName.get(key);
    if (!person) return { email: undefined, person: undefined, known: false };
    return { email: isEmail(person.email) ? person.email : undefined, person, known: true };
  }

  /** A person by name or email (a Manager cell). */
  find(nameOrEmail: Cell): Person | undefined {
    const key = normalise(nameOrEmail);
    return this.byName.get(key) ?? this.byEmail.get(key);
  }

  /** The name in People closest to `written`, within two edits; undefined when none is that close. */
  nearestName(written: Cell): string | undefined {
    const key = normalise(written);
    let best: { name: string; edits: number } | undefined;
    for (const [name, person] of this.byName) {
      // Names whose lengths differ by more than the limit cannot be within it.
      if (Math.abs(name.length - key.length) > HINT_DISTANCE) continue;
      const edits = distance(key, name);
      if (edits <= HINT_DISTANCE && (!best || edits < best.edits)) best = { name: person.name, edits };
    }
    return best?.name;
  }

  /** The team an objective counts in: its own Team, or else its owner's team in People. */
  teamOf(team: Cell, owner: Cell): string {
    return cleanText(team) || (this.resolve(owner).person?.team ?? '');
  }
}

/**
 * What an Owner formula that failed shows (#N/A from a lookup, #REF!...):
 * nobody's name, so never offered as a person.
 */
const SHEET_ERROR = /^#(n\/a|ref!|value!|div\/0!|name\?|num!|null!|error!)$/;

/**
 * The owners written in Objectives and Key Results that People does not
 * know yet, each once (first spelling kept), in the order they are found:
 * what set-up offers to add.
 */
export function ownersToAdd(owners: readonly Cell[], people: People): { name: string; email: string }[] {
  const seen = new Set<string>();
  const found: { name: string; email: string }[] = [];
  for (const owner of owners) {
    const key = normalise(owner);
    if (key === '' || seen.has(key) || SHEET_ERROR.test(key)) continue;
    seen.add(key);
    const email = isEmail(owner);
    if (email ? people.find(owner) !== undefined : people.resolve(owner).known) continue;
    found.push(email ? { name: '', email: cleanText(owner) } : { name: cleanText(owner), email: '' });
  }
  return found;
}
