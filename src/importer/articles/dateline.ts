const MONTH_DAY = /(\d{1,2})\s*月\s*(\d{1,2})\s*日/;

/** The first month-day date in the lead, e.g. `1月28日`; it need not open the paragraph. */
export function findDateline(firstParagraph: string): string | null {
  const match = MONTH_DAY.exec(firstParagraph);
  return match ? `${match[1]}月${match[2]}日` : null;
}
