import { canonicalSource } from '../../../src/engine/sources';

interface Case {
  mention: string;
  name: string;
  type: string;
  role?: string;
  affiliation?: string;
}

const CASES: Case[] = [
  // titles and honorifics stripped, role kept
  {
    mention: 'National Security Adviser Jane Holt',
    name: 'Jane Holt',
    type: 'person',
    role: 'National Security Adviser',
  },
  { mention: 'Dr. Ivo Lind', name: 'Ivo Lind', type: 'person' },
  { mention: 'Mr. Garza', name: 'Garza', type: 'person' },
  { mention: 'Chief executive Mona Ruiz', name: 'Mona Ruiz', type: 'person', role: 'Chief executive' },
  { mention: 'Labour Minister Ines Pardo', name: 'Ines Pardo', type: 'person', role: 'Labour Minister' },
  { mention: 'regional governor Olaf Renn', name: 'Olaf Renn', type: 'person', role: 'regional governor' },
  { mention: 'Gov. Ann Blake of Ohio', name: 'Ann Blake', type: 'person' },
  {
    mention: "Norland's Deputy Foreign Minister Kai Sorell",
    name: 'Kai Sorell',
    type: 'person',
    affiliation: 'Norland',
  },
  {
    mention: 'Marta Quell, chief economist at Harbor Bank',
    name: 'Marta Quell',
    type: 'person',
    affiliation: 'Harbor Bank',
  },
  { mention: 'Mark Evans, a climatologist at Oxford University', name: 'Mark Evans', type: 'person' },
  // appositives
  {
    mention: 'Rafaela Moss, a lawyer for the families',
    name: 'Rafaela Moss',
    type: 'person',
    role: 'a lawyer for the families',
  },
  { mention: 'Her spokesman, Ivan Rhee,', name: 'Ivan Rhee', type: 'person' },
  { mention: 'Veltis Group, the maker of farm machines,', name: 'Veltis Group', type: 'organization' },
  // articles and possessives
  { mention: 'The White House', name: 'White House', type: 'government' },
  {
    mention: "South Korea's intelligence agency",
    name: "South Korea's intelligence agency",
    type: 'government',
  },
  { mention: 'the finance ministry', name: 'finance ministry', type: 'government' },
  { mention: 'police', name: 'police', type: 'government' },
  { mention: 'Seoul', name: 'Seoul', type: 'government' },
  { mention: 'Washington', name: 'Washington', type: 'government' },
  { mention: 'The Federation of Dock Workers', name: 'Federation of Dock Workers', type: 'organization' },
  { mention: "The Textile Workers' Union", name: "Textile Workers' Union", type: 'organization' },
  // media
  { mention: 'Yonhap News Agency', name: 'Yonhap News Agency', type: 'media' },
  { mention: 'The state news agency TNA', name: 'TNA', type: 'media', role: 'state news agency' },
  { mention: 'state media', name: 'state media', type: 'media' },
  { mention: 'The Metro Courier', name: 'Metro Courier', type: 'media' },
  { mention: 'local broadcaster Radio Vela', name: 'Radio Vela', type: 'media' },
  // organisations named after a descriptor
  { mention: 'grid operator Voltnet', name: 'Voltnet', type: 'organization', role: 'grid operator' },
  { mention: 'the rights group OpenGate', name: 'OpenGate', type: 'organization' },
  // documents
  { mention: 'an inspection report', name: 'inspection report', type: 'document' },
  { mention: 'the monthly bulletin', name: 'monthly bulletin', type: 'document' },
  {
    mention: 'a report released last month by the rights group Veritas',
    name: 'Veritas',
    type: 'organization',
  },
  { mention: 'An audit issued by the inspectorate in March', name: 'inspectorate', type: 'government' },
  { mention: "the commission's final count", name: 'commission', type: 'government' },
  // anonymous
  {
    mention: 'A police official, who spoke on condition of anonymity',
    name: 'A police official',
    type: 'anonymous',
  },
  {
    mention: 'a person familiar with the matter',
    name: 'a person familiar with the matter',
    type: 'anonymous',
  },
  { mention: 'officials', name: 'officials', type: 'anonymous' },
  { mention: 'hospital officials', name: 'hospital officials', type: 'anonymous' },
  {
    mention: 'a senior member of the ruling party',
    name: 'a senior member of the ruling party',
    type: 'anonymous',
  },
];

describe('canonicalSource: names, roles and types', () => {
  it.each(CASES.map((c) => [c.mention, c] as const))('%s', (_m, c) => {
    const r = canonicalSource(c.mention);
    expect(r.name).toBe(c.name);
    expect(r.type).toBe(c.type);
    if (c.role) expect(r.role).toBe(c.role);
    if (c.affiliation) expect(r.affiliation).toBe(c.affiliation);
  });
});

describe('canonicalSource: robustness', () => {
  it.each([
    ['empty', ''],
    ['punctuation only', '!!! ,,, \u201c\u201d'],
    ['control characters', '\u0000\u0001\u0002'],
    ['a very long mention', 'The '.concat('very '.repeat(200_000), 'long agency')],
    ['null', null as unknown as string],
    ['a number', 42 as unknown as string],
  ])('%s never throws and returns a typed result', (_n, m) => {
    const r = canonicalSource(m);
    expect(typeof r.name).toBe('string');
    expect(['person', 'government', 'organization', 'media', 'document', 'anonymous']).toContain(r.type);
  });

  it('keeps words broken across a line together', () => {
    expect(canonicalSource('the inspec\ntorate').name).toBe('inspectorate');
  });
});
