import { attributeSentences, detectOutlet, type AttributionFrame } from '../../../src/engine/attribution';
import { resetWork, workDone } from '../../../src/engine/attribution/work-meter';
import { splitSentences } from '../../../src/engine/text';

interface Sentence {
  start: number;
  end: number;
  text: string;
}

/** Sentences per paragraph, with the engine's splitter. */
function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /\n\s*\n/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    out.push(...splitSentences(text, start, m.index));
    start = m.index + m[0].length;
  }
  out.push(...splitSentences(text, start, text.length));
  return out;
}

function framesOf(text: string, outlet?: string): AttributionFrame[] {
  return attributeSentences(text, sentencesOf(text), outlet ? { outlet } : undefined).flat();
}

/** The smallest frame whose content covers `anchor`. */
function frameFor(text: string, anchor: string, outlet?: string): AttributionFrame | undefined {
  const s = text.indexOf(anchor);
  if (s < 0) throw new Error(`anchor not in text: ${anchor}`);
  const e = s + anchor.length;
  let best: AttributionFrame | undefined;
  let len = Infinity;
  for (const f of framesOf(text, outlet)) {
    for (const c of f.content) {
      if (c.start <= s && c.end >= e && c.end - c.start < len) {
        best = f;
        len = c.end - c.start;
      }
    }
  }
  return best;
}

interface Case {
  name: string;
  text: string;
  anchor: string;
  sources: string[];
  via?: string[];
  lemma?: string;
  kind?: AttributionFrame['kind'];
  types?: string[];
  outlet?: string;
}

const CASES: Case[] = [
  // cue patterns
  {
    name: 'X said, after the content',
    text: 'Ten homes were destroyed, police said.',
    anchor: 'Ten homes were destroyed',
    sources: ['police'],
    lemma: 'say',
    types: ['government'],
  },
  {
    name: 'X said that, before the content',
    text: 'The health ministry said that 52 people were treated in hospital.',
    anchor: '52 people were treated in hospital',
    sources: ['health ministry'],
    lemma: 'say',
  },
  {
    name: 'X said without that',
    text: 'Voltra Energy said on Tuesday it would cut 300 jobs.',
    anchor: 'it would cut 300 jobs',
    sources: ['Voltra Energy'],
  },
  {
    name: 'said X, inverted after a quote',
    text: '\u201cWe lost everything,\u201d said Mara Quist, a farmer from the valley.',
    anchor: 'We lost everything',
    sources: ['Mara Quist'],
    kind: 'direct_quote',
    types: ['person'],
  },
  {
    name: 'X says, present tense',
    text: 'The coalition says 4,000 people marched.',
    anchor: '4,000 people marched',
    sources: ['coalition'],
  },
  {
    name: 'X told reporters that',
    text: 'Mayor Ivo Brandt told reporters on Friday that the bridge would reopen in May.',
    anchor: 'the bridge would reopen in May',
    sources: ['Ivo Brandt'],
    via: [],
    lemma: 'tell',
  },
  {
    name: 'X told reporters without that',
    text: 'Coach Lina Berg told reporters the team had trained for six weeks.',
    anchor: 'the team had trained for six weeks',
    sources: ['Lina Berg'],
    via: [],
  },
  {
    name: 'X told the outlet itself',
    text: 'Skyra Airlines told Northwind Wire that 40 flights were cancelled.',
    anchor: '40 flights were cancelled',
    sources: ['Skyra Airlines'],
    via: [],
    outlet: 'Northwind Wire',
  },
  {
    name: 'X told another outlet: via',
    text: 'Skyra Airlines told the broadcaster Channel Nine that 40 flights were cancelled.',
    anchor: '40 flights were cancelled',
    sources: ['Skyra Airlines'],
    via: ['Channel Nine'],
  },
  {
    name: 'dateline outlet is no via',
    text: 'LUND, Norland (Baltic Wire) \u2014 Skyra Airlines told Baltic Wire that 40 flights were cancelled.',
    anchor: '40 flights were cancelled',
    sources: ['Skyra Airlines'],
    via: [],
  },
  {
    name: 'according to X, first',
    text: 'According to the health ministry, 52 people were treated in hospital.',
    anchor: '52 people were treated in hospital',
    sources: ['health ministry'],
    lemma: 'according to',
    kind: 'according_to',
  },
  {
    name: 'according to X, last',
    text: '52 people were treated in hospital, according to the health ministry.',
    anchor: '52 people were treated in hospital',
    sources: ['health ministry'],
    kind: 'according_to',
  },
  {
    name: 'according to X, in the middle',
    text: 'Turnout reached 61 percent, according to the election board, up from 55 percent in 2019.',
    anchor: 'up from 55 percent in 2019',
    sources: ['election board'],
  },
  {
    name: 'according to a media outlet, X reported: via',
    text: 'According to Kestrel News Agency, Deputy Mayor Tomas Ruud reported that the dam had held.',
    anchor: 'the dam had held',
    sources: ['Tomas Ruud'],
    via: ['Kestrel News Agency'],
  },
  {
    name: "X's report found",
    text: "The auditor's report found that 12 contracts had been awarded without tenders.",
    anchor: '12 contracts had been awarded without tenders',
    sources: ['auditor'],
    lemma: 'find',
  },
  {
    name: 'a report by X found',
    text: 'A report released on Monday by the watchdog group ClearFunds found that 300 grants were misused.',
    anchor: '300 grants were misused',
    sources: ['ClearFunds'],
  },
  {
    name: 'figures from X show',
    text: 'Figures from the labour office show that unemployment fell to 4 percent.',
    anchor: 'unemployment fell to 4 percent',
    sources: ['labour office'],
    lemma: 'show',
  },
  {
    name: 'X wrote in a statement',
    text: 'Norvex Ltd wrote in a statement that its factory would close in June.',
    anchor: 'its factory would close in June',
    sources: ['Norvex Ltd'],
    lemma: 'write',
  },
  {
    name: 'X said in a statement, after the content',
    text: 'Profit rose 9 percent, Norvex Ltd said in a statement.',
    anchor: 'Profit rose 9 percent',
    sources: ['Norvex Ltd'],
  },
  {
    name: 'media reported, citing X: via',
    text: 'The Daily Courant reported, citing two officials, that the minister would resign.',
    anchor: 'the minister would resign',
    sources: ['two officials'],
    via: ['Daily Courant'],
  },
  {
    name: 'citing after the content is no via',
    text: 'The dockers union said 400 jobs would go, citing internal memos.',
    anchor: '400 jobs would go',
    sources: ['dockers union'],
    via: [],
  },
  {
    name: 'X confirmed that',
    text: 'The coast guard confirmed that three sailors were rescued.',
    anchor: 'three sailors were rescued',
    sources: ['coast guard'],
    lemma: 'confirm',
  },
  {
    name: 'X corroborated an act',
    text: 'The navy corroborated the sighting of two submarines near the strait.',
    anchor: 'corroborated the sighting of two submarines',
    sources: ['navy'],
    lemma: 'corroborate',
  },
  {
    name: 'X stated through state media: via',
    text: 'Foreign Minister Oren Valk stated through state media that the treaty was void.',
    anchor: 'the treaty was void',
    sources: ['Oren Valk'],
    via: ['state media'],
  },
  {
    name: 'media quoted X as saying: via',
    text: 'The state news agency TNA quoted Energy Minister Ruth Ekdal as saying the pipeline had been repaired.',
    anchor: 'the pipeline had been repaired',
    sources: ['Ruth Ekdal'],
    via: ['TNA'],
    lemma: 'quote',
  },
  {
    name: 'X estimated that',
    text: 'The analytics firm Datapoint estimated that 9,000 people attended.',
    anchor: '9,000 people attended',
    sources: ['Datapoint'],
  },
  {
    name: 'X put a figure at',
    text: 'The regional government put the damage at 40 million euros.',
    anchor: 'put the damage at 40 million euros',
    sources: ['regional government'],
    lemma: 'put',
  },
  {
    name: 'nominal cue: confirmations from X that',
    text: 'The talks come amid confirmations from Paris and Berlin that the deal is done.',
    anchor: 'the deal is done',
    sources: ['Paris', 'Berlin'],
    types: ['government', 'government'],
  },
  {
    name: 'passive: as confirmed by X',
    text: 'The ceasefire held overnight, as confirmed by a UN spokesman.',
    anchor: 'The ceasefire held overnight',
    sources: ['a UN spokesman'],
  },
  {
    name: 'participle: ruling that',
    text: 'The constitutional court annulled the decree on Monday, ruling that it breached the charter.',
    anchor: 'it breached the charter',
    sources: ['constitutional court'],
    lemma: 'rule',
  },
  {
    name: 'participle: the act itself stays the outlet\u2019s',
    text: 'The constitutional court annulled the decree on Monday, ruling that it breached the charter.',
    anchor: 'annulled the decree on Monday',
    sources: [],
  },
  {
    name: 'told X through a relative clause',
    text: 'The plan was backed by Rina Holt, who said it would save money.',
    anchor: 'it would save money',
    sources: ['Rina Holt'],
  },
  {
    name: 'colon and quotation',
    text: 'The minister was blunt: \u201cWe have no money left.\u201d',
    anchor: 'We have no money left',
    sources: ['minister'],
  },
  {
    name: 'in an interview with a broadcaster: via',
    text: 'Mira Sol said in an interview with Radio Meridian that the vote was fair.',
    anchor: 'the vote was fair',
    sources: ['Mira Sol'],
    via: ['Radio Meridian'],
  },
  {
    name: 'X, speaking to reporters, said',
    text: 'Interior Minister Aki Laine, speaking to reporters in the capital, said 30 people were arrested.',
    anchor: '30 people were arrested',
    sources: ['Aki Laine'],
  },
  // pronouns, role nouns, surnames
  {
    name: 'She added that',
    text: 'Chief engineer Pia Lund said the pumps failed at noon. She added that repairs would take a week.',
    anchor: 'repairs would take a week',
    sources: ['Pia Lund'],
    lemma: 'add',
  },
  {
    name: 'He described',
    text: 'Transport Minister Erik Sand criticised the operator. He described the delays as part of a pattern of neglect.',
    anchor: 'a pattern of neglect',
    sources: ['Erik Sand'],
  },
  {
    name: 'he said after a quote',
    text: 'Chairman Olaf Brink spoke after the vote. \u201cThe count is final,\u201d he said.',
    anchor: 'The count is final',
    sources: ['Olaf Brink'],
  },
  {
    name: 'the ministry added',
    text: 'The finance ministry said revenue rose 3 percent. The ministry added that debt fell.',
    anchor: 'debt fell',
    sources: ['finance ministry'],
  },
  {
    name: 'the service said, after the content',
    text: 'The national weather service said 80 millimetres of rain fell. Rivers would crest on Sunday, the service said.',
    anchor: 'Rivers would crest on Sunday',
    sources: ['national weather service'],
  },
  {
    name: 'the union said',
    text: "The Dockworkers' Union of Pelta said 2,000 members walked out. The union said talks had collapsed.",
    anchor: 'talks had collapsed',
    sources: ["Dockworkers' Union of Pelta"],
  },
  {
    name: 'it said',
    text: 'Voltra Energy said profit rose 12 percent. Sales climbed 5 percent, it said.',
    anchor: 'Sales climbed 5 percent',
    sources: ['Voltra Energy'],
  },
  {
    name: 'surname resolves to the full name',
    text: 'Senator Ada Quill opposed the bill. Quill said the tax would hurt farmers.',
    anchor: 'the tax would hurt farmers',
    sources: ['Ada Quill'],
  },
  {
    name: 'the role noun does not pick a person',
    text: 'The regional fire service said 3 people died. Fire service spokesman Ivo Hart said crews arrived at noon. The fire service put the number of injured at 12.',
    anchor: 'put the number of injured at 12',
    sources: ['regional fire service'],
  },
  {
    name: 'the figures showed',
    text: 'The statistics bureau said exports rose. Imports fell 2 percent, the figures showed, while tourism grew.',
    anchor: 'while tourism grew',
    sources: ['statistics bureau'],
  },
  {
    name: 'the report also found',
    text: 'The Harbor Trust said in a report released Tuesday that 30 piers were unsafe. The report also found that repairs were overdue.',
    anchor: 'repairs were overdue',
    sources: ['Harbor Trust'],
  },
  {
    name: 'pronoun keeps the intermediary',
    text: 'The state broadcaster KTV quoted Mayor Jon Elm as saying the levee held. He said 300 people were evacuated.',
    anchor: '300 people were evacuated',
    sources: ['Jon Elm'],
    via: ['KTV'],
  },
  {
    name: 'he resolves to a person named as a subject',
    text: 'Director Anna Volk left early. Oskar Lind conceded defeat at midnight. \u201cThe voters have spoken,\u201d he told supporters.',
    anchor: 'The voters have spoken',
    sources: ['Oskar Lind'],
  },
  // multi-sentence quotes
  {
    name: 'quote over two sentences, speaker after: first sentence',
    text: '\u201cThe water rose fast. We had no time to leave,\u201d said Ana Morel, a resident.',
    anchor: 'The water rose fast',
    sources: ['Ana Morel'],
    kind: 'direct_quote',
  },
  {
    name: 'quote over two sentences, speaker after: second sentence',
    text: '\u201cThe water rose fast. We had no time to leave,\u201d said Ana Morel, a resident.',
    anchor: 'We had no time to leave',
    sources: ['Ana Morel'],
  },
  {
    name: 'quote continued after the cue',
    text: '\u201cPrices are too high,\u201d said Lea Voss. \u201cFamilies cannot cope.\u201d',
    anchor: 'Families cannot cope',
    sources: ['Lea Voss'],
  },
  {
    name: 'speaker sentence after the quotation',
    text: '\u201cWe will not give up on this town.\u201d Rask said to cheers.',
    anchor: 'We will not give up on this town',
    sources: ['Rask'],
  },
  {
    name: 'interrupted quotation: first part',
    text: '\u201cThe fire spread quickly,\u201d Lisk said, \u201cand many were trapped.\u201d',
    anchor: 'The fire spread quickly',
    sources: ['Lisk'],
    kind: 'direct_quote',
  },
  {
    name: 'interrupted quotation: second part',
    text: '\u201cThe fire spread quickly,\u201d Lisk said, \u201cand many were trapped.\u201d',
    anchor: 'and many were trapped',
    sources: ['Lisk'],
  },
  {
    name: 'X was quoted by media as saying: via',
    text: 'Minister Ana Reyes was quoted by Reuters as saying the border would stay closed.',
    anchor: 'the border would stay closed',
    sources: ['Ana Reyes'],
    via: ['Reuters'],
    lemma: 'quote',
  },
  {
    name: 'the mayor is a person',
    text: 'The mayor was quoted as saying that 12 houses burned.',
    anchor: '12 houses burned',
    sources: ['mayor'],
    types: ['person'],
  },
  {
    name: 'an acronym is no pronoun',
    text: 'Vaccines are 97 percent effective, the WHO says.',
    anchor: 'Vaccines are 97 percent effective',
    sources: ['WHO'],
  },
  {
    name: 'speaking on a medium: via',
    text: 'Health Minister Ion Rada, speaking on state television, said 18 children had died.',
    anchor: '18 children had died',
    sources: ['Ion Rada'],
    via: ['state television'],
  },
  {
    name: 'the agency resolves to an organisation',
    text: 'In a statement, UNICEF said 500,000 children missed a dose. The agency added that funding had fallen.',
    anchor: 'funding had fallen',
    sources: ['UNICEF'],
  },
  {
    name: 'a failed cue leaves no trace',
    text: 'The ministry said 8 cases were found. Both the ministry and the city council said schools would stay open.',
    anchor: 'schools would stay open',
    sources: ['ministry', 'city council'],
  },
  {
    name: 'an appositive closed by a relative clause before the cue',
    text: 'Dr. Amara Voss, a neurologist at Kellen University who was not involved in the trial, said the effect was small.',
    anchor: 'the effect was small',
    sources: ['Amara Voss'],
  },
  {
    name: 'a pronoun after an appositive with a relative clause resolves to the named speaker',
    text:
      'Independent researchers were cautious. Dr. Amara Voss, a neurologist at Kellen University who was not ' +
      'involved in the trial, said the effect was small. She said the drug slowed decline by 12 points.',
    anchor: 'the drug slowed decline by 12 points',
    sources: ['Amara Voss'],
  },
  {
    name: 'a medium citing its sources before the cue: source via medium',
    text: 'Politico, citing two aides familiar with the talks, reported that the White House had dropped a cut to food aid.',
    anchor: 'the White House had dropped a cut to food aid',
    sources: ['two aides familiar with the talks'],
    via: ['Politico'],
  },
  {
    name: 'a source quoted by a medium: via',
    text: 'The satellite service Copernicus, quoted by Reuters, put the burned area at 11,800 hectares.',
    anchor: 'put the burned area at 11,800 hectares',
    sources: ['Copernicus'],
    via: ['Reuters'],
  },
  {
    name: 'a reporting noun ending a clause is no postposed cue',
    text: 'Police Chief Darnell Ruiz said officers had been instructed to downgrade reports.',
    anchor: 'officers had been instructed to downgrade reports',
    sources: ['Darnell Ruiz'],
  },
  {
    name: 'speaking on national radio: via',
    text: 'Energy Minister Lara Moss, speaking on national radio, said the government would inspect all 40 mines.',
    anchor: 'the government would inspect all 40 mines',
    sources: ['Lara Moss'],
    via: ['national radio'],
  },
  {
    name: 'a possessive description with a name',
    text: "Acme's chief financial officer, Tom Reilly, said the company expected a fine.",
    anchor: 'the company expected a fine',
    sources: ['Tom Reilly'],
  },
  {
    name: 'the short form of an organisation',
    text: 'The European Commission fined Acme on Wednesday. The probe began in 2021, the Commission said in its decision.',
    anchor: 'The probe began in 2021',
    sources: ['European Commission'],
  },
  {
    name: 'coordinated verb phrase: X did Y and said',
    text: 'Senator Ada Quill praised the crowd in Ohio and said the tax would hurt farmers.',
    anchor: 'the tax would hurt farmers',
    sources: ['Ada Quill'],
  },
  {
    name: 'a name after a described role',
    text: "Mr. Lund's campaign manager, Kelly Ames, said the polls were wrong.",
    anchor: 'the polls were wrong',
    sources: ['Kelly Ames'],
  },
  {
    name: 'said + lower-case title + name',
    text: '\u201cWe did not expect this for another 20 years,\u201d said lead author Kari Holm.',
    anchor: 'We did not expect this',
    sources: ['Kari Holm'],
  },
  {
    name: 'according to a description, then the name',
    text: 'Shipping has welcomed the longer season, according to an industry group, the Arctic Shipping Council.',
    anchor: 'Shipping has welcomed the longer season',
    sources: ['Arctic Shipping Council'],
  },
  // joint, anonymous
  {
    name: 'joint sources',
    text: 'Four people died, police and hospital officials said.',
    anchor: 'Four people died',
    sources: ['police', 'hospital officials'],
    types: ['government', 'anonymous'],
  },
  {
    name: 'both X and Y said',
    text: 'The ministry said 8 cases were found. Both the ministry and the city council said schools would stay open.',
    anchor: 'schools would stay open',
    sources: ['ministry', 'city council'],
  },
  {
    name: 'anonymous official',
    text: 'A police official, who spoke on condition of anonymity, said two suspects were arrested.',
    anchor: 'two suspects were arrested',
    sources: ['A police official'],
    types: ['anonymous'],
  },
  {
    name: 'person familiar with the matter',
    text: 'A person familiar with the matter said the merger would be announced on Monday.',
    anchor: 'the merger would be announced on Monday',
    sources: ['A person familiar with the matter'],
    types: ['anonymous'],
  },
  {
    name: 'officials said',
    text: 'Officials said the road would reopen.',
    anchor: 'the road would reopen',
    sources: ['Officials'],
    types: ['anonymous'],
  },
  // outlet's own, negation, reported acts
  {
    name: "the outlet's own assertion",
    text: 'The bridge opened in 1998 and carries 40,000 cars a day.',
    anchor: 'carries 40,000 cars a day',
    sources: [],
  },
  {
    name: 'a negated cue is no attribution',
    text: 'Police have not confirmed any arrests.',
    anchor: 'any arrests',
    sources: [],
  },
  {
    name: 'a noun is no cue',
    text: 'Exports to the United States rose 3 percent in the report period.',
    anchor: 'rose 3 percent',
    sources: [],
  },
  {
    name: 'announced with an object is an event',
    text: 'In March the company announced 600 job cuts.',
    anchor: '600 job cuts',
    sources: [],
  },
  {
    name: 'urged',
    text: 'The governor urged residents to stay indoors.',
    anchor: 'urged residents to stay indoors',
    sources: ['governor'],
    lemma: 'urge',
  },
  {
    name: 'pledged',
    text: 'Mayor Ilse Varn pledged to rebuild the school by 2027.',
    anchor: 'pledged to rebuild the school',
    sources: ['Ilse Varn'],
    lemma: 'pledge',
  },
  {
    name: 'coordinated cue: said … and urged (first)',
    text: 'Minister Kai Berg said the plant was safe and urged calm.',
    anchor: 'the plant was safe',
    sources: ['Kai Berg'],
    lemma: 'say',
  },
  {
    name: 'coordinated cue: said … and urged (second)',
    text: 'Minister Kai Berg said the plant was safe and urged calm.',
    anchor: 'urged calm',
    sources: ['Kai Berg'],
    lemma: 'urge',
  },
  {
    name: 'coordinated cue: told …, but said',
    text: 'Coach Timo Rask told reporters that the team would appeal, but said he accepted the ban.',
    anchor: 'he accepted the ban',
    sources: ['Timo Rask'],
  },
  // canonical names in frames
  {
    name: 'Dr. is stripped',
    text: 'Dr. Selma Ort, head of the clinic, said 14 patients were treated.',
    anchor: '14 patients were treated',
    sources: ['Selma Ort'],
  },
  {
    name: 'The White House',
    text: 'The White House said the visit was postponed.',
    anchor: 'the visit was postponed',
    sources: ['White House'],
    types: ['government'],
  },
  {
    name: 'title kept as role, name canonical',
    text: 'National Security Adviser Jane Holt reported that the envoys met twice.',
    anchor: 'the envoys met twice',
    sources: ['Jane Holt'],
  },
];

describe('attributeSentences: cue patterns, coreference, quotes, joint and anonymous sources', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const f = frameFor(c.text, c.anchor, c.outlet);
    const names = (f?.sources ?? []).map((s) => s.name);
    expect(names).toEqual(c.sources);
    if (c.via) expect((f?.via ?? []).map((s) => s.name)).toEqual(c.via);
    if (c.lemma) expect(f?.cueLemma).toBe(c.lemma);
    if (c.kind) expect(f?.kind).toBe(c.kind);
    if (c.types) expect((f?.sources ?? []).map((s) => s.type)).toEqual(c.types);
  });
});

describe('attributeSentences: spans', () => {
  const text = 'Four people died, police said. Mayor Ivo Brandt told reporters that the bridge would reopen.';
  const frames = framesOf(text);

  it('content spans exclude the source mention and the cue', () => {
    for (const f of frames) {
      for (const c of f.content) {
        for (const s of f.sources) {
          if (!s.mention) continue;
          expect(c.end <= s.mention.start || c.start >= s.mention.end).toBe(true);
        }
        if (f.cue) expect(c.end <= f.cue.start || c.start >= f.cue.end).toBe(true);
      }
    }
  });

  it('mention spans hold the words of the text, cue spans the reporting verb', () => {
    const police = frames.find((f) => f.sources[0]?.name === 'police');
    expect(
      police?.sources[0].mention &&
        text.slice(police.sources[0].mention.start, police.sources[0].mention.end),
    ).toBe('police');
    expect(police?.cue && text.slice(police.cue.start, police.cue.end)).toBe('said');
    const mayor = frames.find((f) => f.sources[0]?.name === 'Ivo Brandt');
    expect(
      mayor?.sources[0].mention && text.slice(mayor.sources[0].mention.start, mayor.sources[0].mention.end),
    ).toBe('Mayor Ivo Brandt');
    expect(mayor?.sources[0].role).toBe('Mayor');
  });

  it('a pronoun mention keeps the pronoun span and the resolved name', () => {
    const t = 'Chief engineer Pia Lund said the pumps failed. She added that repairs would take a week.';
    const f = frameFor(t, 'repairs would take a week');
    const m = f?.sources[0].mention;
    expect(m && t.slice(m.start, m.end)).toBe('She');
    expect(f?.sources[0].name).toBe('Pia Lund');
  });

  it('a relative pronoun is the mention of its antecedent', () => {
    const t = 'The plan was backed by Rina Holt, who said it would save money.';
    const f = frameFor(t, 'it would save money');
    const m = f?.sources[0].mention;
    expect(m && t.slice(m.start, m.end)).toBe('who');
  });

  it('returns one list of frames per sentence, in order', () => {
    const sentences = sentencesOf(text);
    const out = attributeSentences(text, sentences);
    expect(out).toHaveLength(sentences.length);
    expect(out[0][0].sources[0].name).toBe('police');
    expect(out[1][0].sources[0].name).toBe('Ivo Brandt');
  });

  it('gives every sentence of a multi-sentence quotation a frame', () => {
    const t = '\u201cThe water rose fast. We had no time. Nobody came,\u201d said Ana Morel.';
    const out = attributeSentences(t, sentencesOf(t));
    expect(out.length).toBeGreaterThanOrEqual(3);
    for (const fs of out) expect(fs.map((f) => f.sources[0]?.name)).toContain('Ana Morel');
  });
});

describe('detectOutlet', () => {
  it.each([
    ['LUND, Norland (Baltic Wire) \u2014 Text.', 'Baltic Wire'],
    ['Washington (AFP) \u2013 Text.', 'AFP'],
    ['No dateline here. (A note) in text.', undefined],
  ])('%s', (text, outlet) => {
    expect(detectOutlet(text)).toBe(outlet);
  });
});

describe('attributeSentences: robustness', () => {
  it.each([
    ['empty text', '', []],
    ['no sentences', 'Police said four people died.', []],
    ['garbage', '\u0000\u0001 \u201c\u201c"" ,,, :: said said according to , who said', null],
    ['unclosed quotation', '\u201cThis never ends, said nobody', null],
    ['only punctuation', '... ;;; \u2014 \u2013 !!!', null],
  ])('%s never throws', (_n, text, sentences) => {
    const ss = sentences ?? sentencesOf(text);
    const out = attributeSentences(text, ss);
    expect(out).toHaveLength(ss.length);
  });

  it('survives sentences with offsets out of range or nonsense values', () => {
    const text = 'Police said four people died.';
    const bad = [
      { start: -5, end: 3, text: 'x' },
      { start: 100, end: 50, text: '' },
      { start: Number.NaN, end: Number.NaN, text: '' },
    ];
    expect(attributeSentences(text, bad)).toHaveLength(3);
    expect(attributeSentences(null as unknown as string, null as unknown as Sentence[])).toEqual([]);
  });

  it('handles a 1 MB article', () => {
    const para =
      '\u201cThe water rose fast. We had no time,\u201d said Ana Morel. Four people died, police said. According to the ministry, 30 homes were damaged.\n\n';
    const text = para.repeat(Math.ceil(1_000_000 / para.length));
    const ss = sentencesOf(text);
    const out = attributeSentences(text, ss);
    expect(out).toHaveLength(ss.length);
    expect(out.flat().length).toBeGreaterThan(ss.length / 2);
  });

  it('handles one enormous sentence', () => {
    const text = 'Police said that '.concat(
      'officials said the mayor told reporters, '.repeat(30000),
      'and it ended.',
    );
    const out = attributeSentences(text, [{ start: 0, end: text.length, text }]);
    expect(out).toHaveLength(1);
  });
});

describe('attributeSentences: linear work', () => {
  const measure = (text: string, sentences: Sentence[]): number => {
    resetWork();
    attributeSentences(text, sentences);
    return workDone();
  };
  const build = (unit: string, n: number): { text: string; ss: Sentence[] } => {
    const text = unit.repeat(n);
    return { text, ss: sentencesOf(text) };
  };
  const oneSentence = (unit: string, n: number): { text: string; ss: Sentence[] } => {
    const text = unit.repeat(n);
    return { text, ss: [{ start: 0, end: text.length, text }] };
  };

  it.each([
    [
      'an ordinary article',
      build(
        'Four people died, police said. \u201cWe had no time,\u201d said Ana Morel. She added that 30 homes burned.\n\n',
        400,
      ),
    ],
    ['cues everywhere in one sentence', oneSentence('officials said police said he told reporters ', 400)],
    [
      'commas and appositives in one sentence',
      oneSentence('Ana Morel, a resident, the mayor, who spoke, ', 400),
    ],
    ['unclosed quotations', build('\u201cThis goes on, said Lea. ', 400)],
  ])('%s: doubling the input at most doubles the work (x2.3)', (_n, small) => {
    const big = { text: small.text + small.text, ss: [] as Sentence[] };
    big.ss =
      small.ss.length === 1
        ? [{ start: 0, end: big.text.length, text: big.text }]
        : [
            ...small.ss,
            ...small.ss.map((s) => ({
              start: s.start + small.text.length,
              end: s.end + small.text.length,
              text: s.text,
            })),
          ];
    const w1 = measure(small.text, small.ss);
    const w2 = measure(big.text, big.ss);
    expect(w1).toBeGreaterThan(0);
    expect(w2 / w1).toBeLessThan(2.3);
  });
});
