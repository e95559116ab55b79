import { describe, expect, it } from 'vitest';
import { Cell } from '../../src/okr/cells';
import { People, isEmail, ownersToAdd } from '../../src/okr/people';
import { describeWhere } from '../../src/okr/table';
import { Finding, validateOkrs } from '../../src/okr/validate';
import { cleanKeyResults, cleanObjectives, setCell } from '../fixtures/okrs';

const PEOPLE: Cell[][] = [
  ['Name', 'Email', 'Team', 'Manager', 'Desk'],
  ['Priya Nair', 'priya@acme.example', 'Field Ops', 'CRO', '4F'],
  ['CRO', 'cro@acme.example', 'Sales', '', ''],
  ['Tom Berg', '', 'Product', 'Priya Nair', ''],
];

describe('People.resolve: the one way an owner becomes a person', () => {
  const people = new People(PEOPLE);

  it('finds a name whatever its case, spaces or invisible characters, and gives its email', () => {
    for (const written of ['Priya Nair', ' priya nair ', 'PRIYA  NAIR', 'Priya\u200B Nair', 'Priya\u00A0Nair']) {
      const owner = people.resolve(written);
      expect(owner.known).toBe(true);
      expect(owner.email).toBe('priya@acme.example');
      expect(owner.person?.team).toBe('Field Ops');
    }
  });

  it('takes an address as itself, with its People row when there is one', () => {
    expect(people.resolve('CRO@Acme.example ')).toMatchObject({ email: 'CRO@Acme.example', known: true, person: { name: 'CRO' } });
    expect(people.resolve('new.hire@acme.example')).toEqual({ email: 'new.hire@acme.example', person: undefined, known: true });
  });

  it('knows a name with no email, but has no address for it; knows nothing of a stranger or a blank', () => {
    expect(people.resolve('tom berg')).toMatchObject({ email: undefined, known: true, person: { name: 'Tom Berg' } });
    expect(people.resolve('VP Field Ops')).toEqual({ email: undefined, person: undefined, known: false });
    expect(people.resolve('')).toEqual({ email: undefined, person: undefined, known: false });
  });

  it('hints the nearest name within two edits, and only then', () => {
    expect(people.nearestName('Priya Nar')).toBe('Priya Nair');
    expect(people.nearestName('tom burg')).toBe('Tom Berg');
    expect(people.nearestName('Tim Borg')).toBe('Tom Berg');
    expect(people.nearestName('Timo Borg')).toBeUndefined();
    expect(people.nearestName('CEO')).toBe('CRO');
  });

  it("gives an objective's own team, or else its owner's team", () => {
    expect(people.teamOf('Growth', 'Priya Nair')).toBe('Growth');
    expect(people.teamOf('', 'priya nair')).toBe('Field Ops');
    expect(people.teamOf(' ', 'cro@acme.example')).toBe('Sales');
    expect(people.teamOf('', 'nobody')).toBe('');
  });

  it('reads addresses as people write them', () => {
    expect(['a@b.co', ' first.last+okr@acme.example ', 'x@y.z'].map(isEmail)).toEqual([true, true, true]);
    expect(['Priya', 'a@b', 'a b@c.de', '@acme.example', 'a@@b.co', '', 42].map(isEmail)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('ownersToAdd: what set-up offers to put in People', () => {
  it('lists each unknown owner once, first spelling kept, names in Name and addresses in Email', () => {
    const people = new People(PEOPLE);
    const owners = [
      'Priya Nair',
      'VP Field Ops',
      'vp field ops ',
      'cro@acme.example',
      'ana@acme.example',
      'ANA@acme.example',
      '',
      'Tom Berg',
    ];
    expect(ownersToAdd(owners, people)).toEqual([
      { name: 'VP Field Ops', email: '' },
      { name: '', email: 'ana@acme.example' },
    ]);
  });

  it('lists nothing once People knows everyone', () => {
    expect(ownersToAdd(['Priya Nair', 'cro', 'priya@acme.example'], new People(PEOPLE))).toEqual([]);
  });
});

describe('Validate: owners and the People tab', () => {
  const found = (findings: Finding[]) => findings.map((f) => `${f.severity} ${f.rule} @ ${describeWhere(f.where)}`);
  function validate(people: Cell[][] | undefined, edit: (objectives: Cell[][], keyResults: Cell[][]) => void = () => {}): Finding[] {
    const objectives = cleanObjectives();
    const keyResults = cleanKeyResults();
    edit(objectives, keyResults);
    return validateOkrs(objectives, keyResults, undefined, undefined, { people }).filter((f) => f.rule !== 'few-objectives');
  }

  it('warns about an owner who is neither an address nor a name in People, with the nearest name', () => {
    const findings = validate(PEOPLE, (objectives, keyResults) => {
      setCell(objectives, 1, 'Owner', 'Priya Nar');
      setCell(keyResults, 2, 'Owner', 'VP Field Ops');
      setCell(keyResults, 3, 'Owner', 'tom berg');
    });
    expect(found(findings)).toEqual([
      'warning unknown-owner @ Objectives row 2, Owner',
      'warning unknown-owner @ Key Results row 3, Owner',
      'warning missing-email @ People row 4, Email',
    ]);
    expect(findings[0]!.message).toBe(
      'Objective O1 has owner "Priya Nar", which is neither an email address nor a name in the People tab. Did you mean "Priya Nair"? If not, add them to People with their email, so the check-in panel and the emails can find them.',
    );
    expect(findings[1]!.message).toMatch(/^Key result KR2 has owner "VP Field Ops", .* People tab\. Add them to People with their email/);
    expect(findings[2]!.message).toBe(
      '"Tom Berg" owns OKRs but has no email in People row 4: add it, so the check-in panel and the emails can reach them.',
    );
  });

  it('says nothing of owners without a People table to judge by (the OKR_VALIDATE formula)', () => {
    expect(found(validate(undefined, (objectives) => setCell(objectives, 1, 'Owner', 'Priya Nar')))).toEqual([]);
  });

  it('warns about People rows that would reach the wrong person or nobody', () => {
    const people: Cell[][] = [
      ...PEOPLE,
      ['priya nair', 'p.nair@acme.example', '', '', ''],
      ['Ana', 'CRO@acme.example', '', 'The Board', ''],
      ['Ben', 'ben at acme', '', 'cro@acme.example', ''],
    ];
    const findings = validate(people);
    expect(found(findings)).toEqual([
      'warning duplicate-person @ People row 5, Name',
      'warning duplicate-person @ People row 6, Email',
      'warning unknown-manager @ People row 6, Manager',
      'warning bad-email @ People row 7, Email',
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      'The name "priya nair" is in People twice (rows 2 and 5): owners written that way are matched with row 2. Remove or correct one of them.',
      'The email "CRO@acme.example" is in People twice (rows 3 and 6): owners written that way are matched with row 3. Remove or correct one of them.',
      '"Ana" has manager "The Board", who is not in the People tab: add them, or write the name or email of a person there.',
      '"Ben" has email "ben at acme" in People row 7, which is not an email address: write it as name@example.com.',
    ]);
  });

  it("counts an objective with no Team in its owner's team when checking a team's number of objectives", () => {
    const people: Cell[][] = [['Name', 'Email', 'Team'], ...['Ann', 'Bo', 'Cy'].map((name) => [name, `${name}@acme.example`, 'Growth'])];
    const teams = (edit: (objectives: Cell[][]) => void) => {
      const objectives = cleanObjectives();
      edit(objectives);
      return validateOkrs(objectives, cleanKeyResults(), undefined, undefined, { people })
        .filter((f) => f.rule === 'few-objectives')
        .map((f) => f.message);
    };
    // The fixture's three objectives, now with no Team, owned by three people of Growth: one team of three.
    expect(
      teams((objectives) =>
        ['Ann', 'bo', 'CY'].forEach((owner, i) => {
          setCell(objectives, i + 1, 'Team', '');
          setCell(objectives, i + 1, 'Owner', owner);
        }),
      ),
    ).toEqual([]);
  });
});
