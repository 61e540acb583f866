import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/core/dataset.ts';
import { exportClaims } from '../../src/exchange/export.ts';
import { importedClaimId } from '../../src/exchange/identity.ts';
import { readImport } from '../../src/exchange/import.ts';
import { describeProblem } from '../../src/exchange/problems.ts';
import { SHIPPED_CLAIMS } from '../support/files.ts';

// A CSV file as a desk edits it in a spreadsheet, not only as claimbot writes it: names padded with spaces, blank
// lines, cells of spaces, TRUE in capitals, a story told on one row only.

const HEADER = 'story,storyTitle,storyOutlet,statement,claimant,reportedBy,quote,id';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\r\n');
const read = (text: string) => readImport(text, 'desk.csv');

describe('reading claimbot CSV written by hand', () => {
  it('reads column names with spaces around them and skips blank lines', () => {
    const text = ' story , storyTitle ,storyOutlet,statement, claimant ,reportedBy\r\n\r\nfloods,Floods,Wire,The river rose two metres,Jane Roe,Wire\r\n\r\n';
    const result = read(text);
    expect(result.problems).toEqual([]);
    expect(result.claims.map(({ claim }) => [claim.statement, claim.claimant.name, claim.story])).toEqual([
      ['The river rose two metres', 'Jane Roe', 'floods'],
    ]);
    expect(result.stories.map(({ id, title }) => [id, title])).toEqual([['floods', 'Floods']]);
  });

  it('reads quote as true or false in any case, an empty cell as false, and names anything else', () => {
    const result = read(
      csv(
        'floods,Floods,Wire,First statement,Jane Roe,Wire, TRUE ,',
        'floods,Floods,Wire,Second statement,Jane Roe,Wire,False,',
        'floods,Floods,Wire,Third statement,Jane Roe,Wire,,',
        'floods,Floods,Wire,Fourth statement,Jane Roe,Wire,yes,',
      ),
    );
    expect(result.claims.map(({ claim }) => claim.quote)).toEqual([true, false, false]);
    expect(result.problems.map(describeProblem)).toEqual([
      `row 5 (id "${importedClaimId('Jane Roe', 'Fourth statement')}"), field quote: must be true or false`,
    ]);
  });

  it('takes a cell of spaces as empty: an id is made for the claim, a required field is named as missing', () => {
    const result = read(csv('floods,Floods,Wire,The river rose,Jane Roe,Wire,,   ', 'floods,Floods,Wire,The dam held,Jane Roe,  ,,'));
    expect(result.claims.map(({ record, claim }) => [record.id, claim.id])).toEqual([
      [importedClaimId('Jane Roe', 'The river rose'), importedClaimId('Jane Roe', 'The river rose')],
    ]);
    expect(result.problems.map(describeProblem)).toEqual([
      `row 3 (id "${importedClaimId('Jane Roe', 'The dam held')}"), field attribution.reportedBy.outlet (reportedBy in the file): is required`,
    ]);
  });

  it('takes a story from the rows that give both its id and its title', () => {
    const result = read(csv('floods,Floods,Wire,The river rose,Jane Roe,Wire,,', 'drought,,Wire,The wells ran dry,Jane Roe,Wire,,'));
    expect(result.stories.map(({ id }) => id)).toEqual(['floods']);
    expect(result.problems).toEqual([]);
  });

  it('names the row of a story it cannot take, by the story’s id', () => {
    const result = read(
      'story,storyTitle,storyOutlet,storyUrl,statement,claimant,reportedBy\r\nfloods,Floods,Wire,ftp://wire.example/floods,The river rose,Jane Roe,Wire\r\n',
    );
    expect(result.stories).toEqual([]);
    expect(result.problems.map(({ record }) => [record.label, record.id])).toEqual([['row 2', 'floods']]);
  });

  it('names a row by the id it gives when the row cannot make a claim', () => {
    const result = read(csv('floods,Floods,Wire,,Jane Roe,Wire,,river-rose'));
    expect(result.problems.map(describeProblem)).toEqual(['row 2 (id "river-rose"), field statement: is required']);
    expect(read(csv('floods,Floods,Wire,,Jane Roe,Wire,,')).problems.map(describeProblem)).toEqual(['row 2, field statement: is required']);
  });

  it('refuses a file with columns it does not know or without the ones it needs, naming them', () => {
    expect(() => read('statement,claimant,colour\na,b,c\n')).toThrow(
      "desk.csv: not a claimbot CSV file: unknown column colour (claimbot's columns: id, story,",
    );
    expect(() => read('statement,claimant,colour,size\na,b,c,d\n')).toThrow(
      "desk.csv: not a claimbot CSV file: unknown columns colour, size (claimbot's columns: id, story,",
    );
    expect(() => read('statement,reportedBy\na,b\n')).toThrow(/^desk\.csv: not a claimbot CSV file: missing column claimant$/);
    expect(() => read('story,reportedBy\na,b\n')).toThrow(/^desk\.csv: not a claimbot CSV file: missing columns statement, claimant$/);
  });
});

describe('writing claimbot CSV', () => {
  it('writes a claim whose story the export does not hold with empty story cells', async () => {
    const dataset = await loadDataset(SHIPPED_CLAIMS);
    const text = exportClaims({ stories: [], claims: [dataset.claims[0]!] }, 'csv', { newsroom: { name: 'Example Newsroom' } });
    const [cells] = parse(text, { columns: true }) as Record<string, string>[];
    expect(cells).toMatchObject({ id: dataset.claims[0]!.id, story: dataset.claims[0]!.story });
    expect(cells).toMatchObject({ storyTitle: '', storyOutlet: '', storyUrl: '', storyDate: '', storySourceTitle: '', storyAdditionalSources: '' });
  });
});
