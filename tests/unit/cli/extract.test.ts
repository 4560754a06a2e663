import { spawnSync } from 'node:child_process';
import { ExtractionSchema } from '../../../src/importer/extraction-schema';
import { ROOT, SAMPLE_PATH } from '../importer/pages';

function runExtract(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync('npx', ['tsx', 'src/cli/extract.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('extract CLI', () => {
  jest.setTimeout(60_000);

  it('prints the extraction of the sample page as 2-space JSON', () => {
    const { status, stdout, stderr } = runExtract(SAMPLE_PATH);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^\{\n {2}"source": \{/);
    const extraction = ExtractionSchema.parse(JSON.parse(stdout));
    expect(extraction.articles).toHaveLength(3);
  });

  it('resolves event dates against --issue-date and rejects a malformed one', () => {
    const { status, stdout } = runExtract('--issue-date', '2023-01-28', SAMPLE_PATH);
    expect(status).toBe(0);
    const extraction = ExtractionSchema.parse(JSON.parse(stdout));
    expect(extraction.issueDate).toBe('2023-01-28');
    expect(extraction.articles.map((article) => article.eventDate)).toEqual(['2023-01-28', '2023-01-28', '2023-01-28']);
    expect(runExtract('--issue-date', '28.1.2023', SAMPLE_PATH)).toMatchObject({ status: 2, stderr: expect.stringMatching(/YYYY-MM-DD/) });
  });

  it('exits 1 naming the file when it is missing, without a stack trace', () => {
    const { status, stdout, stderr } = runExtract('no/such/page.txt');
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('extract: no/such/page.txt: file not found\n');
  });

  it('prints usage for --help and rejects anything but one path', () => {
    expect(runExtract('--help')).toMatchObject({ status: 0, stdout: expect.stringMatching(/^usage:/) });
    expect(runExtract()).toMatchObject({ status: 2, stderr: expect.stringMatching(/exactly one page file/) });
    expect(runExtract('a.txt', 'b.txt').status).toBe(2);
  });
});
