/** Abbreviated month names as they stand in news text ("Sept. 4", "Jan 2021"), lower case, without the dot. */
export const MONTH_ABBREVIATIONS: readonly string[] = [
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
];
