// Cells we write to a CSV are never run as formulas by a spreadsheet (issue #11).
import { expect } from '@open-wc/testing';
import { csvCell, formulaProblems, isFormula, toCsv } from '../../src/core/csv-import.js';

describe('core/csv-import: formulas', () => {
  it('neutralises every cell that starts like a formula, and quotes what needs it', () => {
    const cases: Array<[string, string]> = [
      ['=1+2', "'=1+2"],
      ['+SUM(A1)', "'+SUM(A1)"],
      ['-2+3', "'-2+3"],
      ['@SUM(A1)', "'@SUM(A1)"],
      ['\t=1+2', "'\t=1+2"],
      ['\r=1', `"'\r=1"`],
      ['  =1', "'  =1"],
      ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
      ['+1 617-555-0100', "'+1 617-555-0100"],
      ['-71.0724', '-71.0724'],
      ['Café, Boston', '"Café, Boston"'],
      ['plain', 'plain'],
    ];
    for (const [input, output] of cases) expect(csvCell(input), JSON.stringify(input)).to.equal(output);
    expect(csvCell(-71.07)).to.equal('-71.07');
    expect(csvCell(undefined)).to.equal('');
    expect(toCsv([['name', 'note'], ['A', '=cmd|calc']])).to.equal("name,note\r\nA,'=cmd|calc\r\n");
  });

  it('warns on formula cells by row and column, not on numbers or phones', () => {
    expect(isFormula('=1')).to.equal(true);
    expect(isFormula('-71.07')).to.equal(false);
    expect(isFormula('+1 617-555-0100')).to.equal(false);
    const problems = formulaProblems([{ name: 'A', note: '@x' }, { name: '=B', longitude: '-71' }], [2, 5]);
    expect(problems.map((p) => `${p.row}:${p.column}`)).to.deep.equal(['2:note', '5:name']);
  });
});
