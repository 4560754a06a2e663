import { installedStrapiVersion, rowWriterVerdict, VERIFIED_STRAPI_MINORS } from '../../../src/strapi-rows';

describe('the row writer runs only on the Strapi versions it was compared against', () => {
  it('runs on the installed Strapi, the one tests/integration/row-equality.test.ts checks', () => {
    expect(rowWriterVerdict(installedStrapiVersion())).toEqual({ verified: true });
  });

  it('runs on any patch release of a verified minor', () => {
    const [minor] = VERIFIED_STRAPI_MINORS;
    expect(rowWriterVerdict(`${minor}.99`)).toEqual({ verified: true });
  });

  it.each(['5.55.0', '5.5.4', '6.0.0', '4.25.1'])('refuses %s and says why', (version) => {
    const verdict = rowWriterVerdict(version);
    expect(verdict.verified).toBe(false);
    expect(verdict).toMatchObject({ reason: expect.stringContaining(version) });
  });
});
