import { describe, expect, it } from 'vitest';
import { Cell } from '../../src/okr/cells';
import { describeWhere } from '../../src/okr/table';
import { LINKED } from '../../src/okr/schema';
import { Finding, validateOkrs } from '../../src/okr/validate';
import { cleanKeyResults, cleanObjectives, setCell } from '../fixtures/okrs';

const found = (findings: Finding[]) => findings.map((f) => `${f.severity} ${f.rule} @ ${describeWhere(f.where)}`);

function validate(edit: (objectives: Cell[][], keyResults: Cell[][]) => void = () => {}): Finding[] {
  const objectives = cleanObjectives();
  const keyResults = cleanKeyResults();
  edit(objectives, keyResults);
  return validateOkrs(objectives, keyResults);
}

describe('validateOkrs', () => {
  it('finds nothing wrong with a clean workbook', () => {
    expect(validate()).toEqual([]);
  });

  it('reports each missing required column at the header row', () => {
    const findings = validateOkrs([['ID', 'Owner']], [['ID', 'Key result', 'Objective ID', 'Start', 'Target']]);
    expect(found(findings)).toEqual(['error missing-column @ Objectives row 1', 'error missing-column @ Key Results row 1']);
    expect(findings[0]!.message).toBe('The Objectives table has no "Objective" column: add a header named Objective.');
  });

  it('finds rows without an id and ids used twice across both tables', () => {
    const findings = validate((objectives, keyResults) => {
      setCell(keyResults, 3, 'ID', '');
      setCell(keyResults, 4, 'ID', ' o2 ');
      setCell(keyResults, 5, 'ID', 'KR1');
    });
    const errors = found(findings.filter((f) => f.severity === 'error'));
    expect(errors).toEqual([
      'error missing-id @ Key Results row 4, ID',
      'error duplicate-id @ Key Results row 5, ID',
      'error duplicate-id @ Key Results row 6, ID',
    ]);
    expect(findings[1]!.message).toMatch(/ID o2 is used twice \(first in Objectives row 3\)/);
  });

  it('finds key results of unknown objectives', () => {
    const findings = validate((_, keyResults) => {
      setCell(keyResults, 1, 'Objective ID', 'O9');
      setCell(keyResults, 2, 'Objective ID', '');
      setCell(keyResults, 3, 'Objective ID', ' o1 ');
    });
    expect(found(findings.filter((f) => f.rule === 'unknown-objective'))).toEqual([
      'error unknown-objective @ Key Results row 2, Objective ID',
      'error unknown-objective @ Key Results row 3, Objective ID',
    ]);
    expect(findings[1]!.message).toBe('Key result KR2 has no Objective ID: link every key result to its objective.');
  });

  it('finds metrics and numbers that cannot be measured', () => {
    const findings = validate((_, keyResults) => {
      setCell(keyResults, 1, 'Start', 50);
      setCell(keyResults, 2, 'Metric', 'grow');
      setCell(keyResults, 7, 'Start', 'lots');
      setCell(keyResults, 4, 'Target', 'never');
      setCell(keyResults, 6, 'Target', '');
      setCell(keyResults, 8, 'Metric', 'decrease');
    });
    expect(found(findings)).toEqual([
      'error no-change @ Key Results row 2, Target',
      'error unknown-metric @ Key Results row 3, Metric',
      'error not-measurable @ Key Results row 5, Target',
      'error not-measurable @ Key Results row 7, Target',
      'error not-measurable @ Key Results row 8, Start',
      'error direction-mismatch @ Key Results row 9, Target',
      // KR7 "Lead time from 10 to 3 days" has start "lots": its text says what to write.
      'info metric-in-text @ Key Results row 8, Key result',
    ]);
  });

  it('leaves start and target of a milestone alone, and start of a level', () => {
    expect(validate((_, keyResults) => setCell(keyResults, 6, 'Start', 'n/a'))).toEqual([]);
  });

  it('finds bad weights and confidences', () => {
    const findings = validate((objectives, keyResults) => {
      setCell(objectives, 1, 'Weight', -1);
      setCell(keyResults, 1, 'Weight', 'high');
      setCell(keyResults, 2, 'Confidence', 11);
      setCell(keyResults, 3, 'Confidence', 'sure');
      setCell(keyResults, 4, 'Confidence', 0);
      setCell(keyResults, 5, 'Weight', 0);
    });
    expect(found(findings)).toEqual([
      'error bad-weight @ Objectives row 2, Weight',
      'error bad-weight @ Key Results row 2, Weight',
      'error bad-confidence @ Key Results row 3, Confidence',
      'error bad-confidence @ Key Results row 4, Confidence',
    ]);
  });

  it('finds unknown parents and alignment loops, leaving linked workbooks alone', () => {
    const findings = validate((objectives) => {
      setCell(objectives, 1, 'Aligned to', 'Company/C1');
      setCell(objectives, 2, 'Aligned to', 'O7');
    });
    expect(found(findings)).toEqual(['error unknown-parent @ Objectives row 3, Aligned to']);

    const loop = validate((objectives) => {
      setCell(objectives, 1, 'Aligned to', 'O3');
      setCell(objectives, 3, 'Aligned to', 'O1');
      setCell(objectives, 2, 'Aligned to', 'O2');
    });
    expect(found(loop)).toEqual([
      'error alignment-cycle @ Objectives row 2, Aligned to',
      'error alignment-cycle @ Objectives row 3, Aligned to',
    ]);
    expect(loop[0]!.message).toMatch(/O1 → O3 → O1/);
    expect(loop[1]!.message).toMatch(/O2 → O2/);
  });

  it('takes a key result in Aligned to: no unknown-parent, and loops through key results are found', () => {
    // KR1 belongs to O1, KR4 and KR5 to O2, KR7 to O3.
    const supports = validate((objectives) => {
      setCell(objectives, 2, 'Aligned to', ' kr1 ');
      setCell(objectives, 3, 'Aligned to', 'KR5');
    });
    expect(found(supports)).toEqual([]);
    const unknown = validate((objectives) => setCell(objectives, 2, 'Aligned to', 'KR10'));
    expect(unknown.map((f) => [f.rule, describeWhere(f.where), f.message])).toEqual([
      [
        'unknown-parent',
        'Objectives row 3, Aligned to',
        'Objective O2 is aligned to KR10, which is no objective or key result in this workbook.',
      ],
    ]);
    // O1 supports KR4 of O2, and O2 supports KR1 of O1; O3 supports its own KR7.
    const loops = validate((objectives) => {
      setCell(objectives, 1, 'Aligned to', 'KR4');
      setCell(objectives, 2, 'Aligned to', 'KR1');
      setCell(objectives, 3, 'Aligned to', 'KR7');
    });
    expect(loops.map((f) => [f.rule, describeWhere(f.where), f.message])).toEqual([
      [
        'alignment-cycle',
        'Objectives row 2, Aligned to',
        'Objectives are aligned in a loop (O1 → KR4 → O2 → KR1 → O1): an objective cannot sit above itself.',
      ],
      [
        'alignment-cycle',
        'Objectives row 4, Aligned to',
        'Objectives are aligned in a loop (O3 → KR7 → O3): an objective cannot sit above itself.',
      ],
    ]);
  });

  it('suggests a look when an objective supports a key result of another cycle', () => {
    const findings = validate((objectives) => {
      setCell(objectives, 3, 'Cycle', '2027-Q1');
      setCell(objectives, 3, 'Aligned to', 'KR2');
      // Blank cycles, or the same one written otherwise, say nothing.
      setCell(objectives, 2, 'Cycle', '');
      setCell(objectives, 2, 'Aligned to', 'KR1');
    });
    const info = findings.filter((f) => f.severity === 'info');
    expect(info.map((f) => [f.rule, describeWhere(f.where), f.message])).toEqual([
      [
        'other-cycle',
        'Objectives row 4, Aligned to',
        'Objective O3 (2027-Q1) supports key result KR2, whose objective O1 is in 2026-Q4, so its progress counts in another cycle: align it to a key result of 2027-Q1, or correct the Cycle that is wrong.',
      ],
    ]);
    expect(findings.at(-1)).toBe(info[0]);
  });

  it("follows a linked team's objective through a key result of ours", () => {
    const linked = [
      [...LINKED.headers],
      ['Product', 'P1', 'Ship', 'pia', '2026-Q4', 'Company/KR4', '', 0.5, ''],
      ['Product', 'P2', 'Sell', 'pia', '2027-Q1', 'company/kr5', '', 0.5, ''],
      ['Product', 'P3', 'Hire', 'pia', '2026-Q4', 'Company/KR99', '', 0.5, ''],
      ['Product', 'P4', 'Loop', 'pia', '2026-Q4', 'Company/KR1', '', 0.5, ''],
    ];
    const objectives = cleanObjectives();
    setCell(objectives, 1, 'Aligned to', 'Product/P4');
    const findings = validateOkrs(objectives, cleanKeyResults(), undefined, { workbook: 'Company', linked });
    expect(findings.map((f) => [f.severity, f.rule, describeWhere(f.where), f.message])).toEqual([
      [
        'error',
        'alignment-cycle',
        'Objectives row 2, Aligned to',
        'Objectives are aligned in a loop across workbooks (O1 → Product/P4 → KR1 → O1): an objective cannot sit above itself.',
      ],
      [
        'error',
        'unknown-parent',
        'Linked OKRs row 4, Aligned to',
        "Product's objective P3 is aligned to Company/KR99, which is no objective or key result in this workbook: ask Product to fix its Aligned to, or add the objective here.",
      ],
      [
        'info',
        'other-cycle',
        'Linked OKRs row 3, Aligned to',
        "Product's objective P2 (2027-Q1) supports key result KR5, whose objective O2 is in 2026-Q4, so its progress counts in another cycle: ask Product to align it to a key result of 2027-Q1, or correct the Cycle that is wrong.",
      ],
    ]);
  });

  it('finds objectives with no, one or too many key results', () => {
    const findings = validate((objectives, keyResults) => {
      objectives.push(['O4', 'Hire well', 'dee@example.com', 'Product', '2026-Q4', '', '', '', '']);
      objectives.push(['O5', 'Parent of O4', 'dee@example.com', 'Product', '2026-Q4', '', '', '', '']);
      setCell(objectives, 4, 'Aligned to', 'O5');
      for (const row of [2, 3, 4, 5, 6, 7]) setCell(keyResults, row, 'Objective ID', 'O2');
    });
    expect(found(findings)).toEqual([
      'error no-key-results @ Objectives row 5, ID',
      'warning few-key-results @ Objectives row 2, ID',
      'warning many-key-results @ Objectives row 3, ID',
    ]);
  });

  it('counts objectives per team and cycle, or per owner without a team', () => {
    const findings = validate((objectives) => {
      setCell(objectives, 3, 'Cycle', '2027-Q1');
      for (const row of [1, 2, 3]) setCell(objectives, row, 'Team', '');
      setCell(objectives, 2, 'Owner', 'ana@example.com');
      setCell(objectives, 3, 'Owner', 'ana@example.com');
    });
    expect(found(findings)).toEqual([
      'warning few-objectives @ Objectives row 2, Owner',
      'warning few-objectives @ Objectives row 4, Owner',
    ]);
    expect(findings[0]!.message).toBe('ana@example.com has 2 objectives in 2026-Q4: 3 to 5 is the recommended number.');

    const many = validate((objectives, keyResults) => {
      for (let i = 4; i <= 6; i++) {
        objectives.push([`O${i}`, `Goal ${i}`, 'ana@example.com', 'Product', '2026-Q4', 'O1', '', '', '']);
        keyResults.push([`KR${i}0`, `O${i}`, 'x', 'ana@example.com', '', 0, 1, '', '', '', '', '', '', '']);
        keyResults.push([`KR${i}1`, `O${i}`, 'y', 'ana@example.com', '', 0, 1, '', '', '', '', '', '', '']);
      }
    });
    expect(found(many)).toEqual(['warning many-objectives @ Objectives row 2, Team']);
  });

  it('finds missing owners, bad cycles and missing titles', () => {
    const findings = validate((objectives, keyResults) => {
      setCell(objectives, 1, 'Owner', '');
      setCell(keyResults, 6, 'Owner', ' ');
      setCell(objectives, 2, 'Cycle', 'Q4 2026');
      setCell(objectives, 3, 'Objective', '');
      setCell(keyResults, 8, 'Key result', '');
    });
    expect(found(findings)).toEqual([
      'warning missing-owner @ Objectives row 2, Owner',
      // Two objectives left in 2026-Q4; O2's "Q4 2026" is no cycle, so it is not counted as a cycle of one objective.
      'warning few-objectives @ Objectives row 2, Team',
      'warning bad-cycle @ Objectives row 3, Cycle',
      'warning missing-title @ Objectives row 4, Objective',
      'warning missing-owner @ Key Results row 7, Owner',
      'warning missing-title @ Key Results row 9, Key result',
    ]);
    expect(findings.find((f) => f.rule === 'bad-cycle')!.message).toBe('Objective O2 has cycle "Q4 2026": write it as 2026-Q4.');
  });

  it('reports a missing Owner column once, not on every row', () => {
    const objectives = cleanObjectives().map((row) => row.filter((_, i) => i !== 2));
    expect(found(validateOkrs(objectives, cleanKeyResults()))).toEqual(['warning missing-owner @ Objectives row 1']);
  });

  it('puts errors before warnings', () => {
    const findings = validate((objectives, keyResults) => {
      setCell(objectives, 1, 'Owner', '');
      setCell(keyResults, 9, 'Metric', 'grow');
    });
    expect(findings.map((f) => f.severity)).toEqual(['error', 'warning']);
  });
});
