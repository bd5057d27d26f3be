import { assessCheckworthiness } from '../../../src/engine/checkworthiness';
import {
  EMBEDDING_VOCABULARY_SIZE,
  MODEL_SIZE,
  MODEL_THRESHOLD,
  embeddingLogit,
  modelLogit,
} from '../../../src/engine/checkworthiness/checkworthiness-model';
import {
  featureHash,
  featureSet,
  pairHash,
  wordTokenHashes,
  wordTokens,
} from '../../../src/engine/checkworthiness/features';
import { NEEDS_KEYWORD, NEWS_RULES, hasRuleKeyword } from '../../../src/engine/checkworthiness/news-rules';

type Case = [claim: string, sentence: string | undefined, expected: boolean];

const sorted = (a: number, b: number): [number, number] => (a < b ? [a, b] : [b, a]);

const FACTS_WITH_NUMBERS: Case[] = [
  ['The company reported a net loss of $48 million for the second quarter.', undefined, true],
  ['Unemployment rose to 5.6 percent in April from 5.1 percent in March.', undefined, true],
  ['At least 27 people were killed when the bus plunged into a ravine on Friday.', undefined, true],
  ['the ministry had distributed 12,000 food parcels since the start of the month', undefined, true],
  ['Exports fell 4.2% year on year in September.', undefined, true],
  ['The bridge, opened in 1998, carries about 60,000 vehicles a day.', undefined, true],
  ['about 300 of the layoffs would fall on its plant in the north', undefined, true],
  ['Three of the five judges voted to overturn the conviction.', undefined, true],
  ['The airline cancelled 140 flights on Monday because of the strike.', undefined, true],
  ['The city council approved a budget of 2.3 billion euros for next year.', undefined, true],
];

const FACTS_WITHOUT_NUMBERS: Case[] = [
  ['Police arrested the suspect at a hotel near the border on Thursday.', undefined, true],
  ['The prime minister dismissed her finance minister after the vote.', undefined, true],
  ['Rescue workers pulled a girl alive from the rubble of the collapsed school.', undefined, true],
  ['The central bank left its benchmark interest rate unchanged.', undefined, true],
  ['The court acquitted the former mayor of all corruption charges.', undefined, true],
  ['Opposition lawmakers walked out of parliament during the debate.', undefined, true],
  ['The river burst its banks overnight, flooding the old town.', undefined, true],
  ['Haldor Mining suspended operations at its northern mine in March.', undefined, true],
  // Ongoing and scheduled events are facts too.
  ['Demonstrators are blocking the main highway into the city.', undefined, true],
  ['The former minister will be sentenced on Friday.', undefined, true],
  ['Parliament is due to vote on the bill next week.', undefined, true],
];

const OPINIONS: Case[] = [
  ['This is a shameful day for our democracy.', undefined, false],
  ['I think the reform is the right thing for the country.', undefined, false],
  ['We believe the decision is deeply unfair to small farmers.', undefined, false],
  ['The ruling is a victory for common sense', undefined, false],
  ['There is no basis for these accusations', undefined, false],
];

const PREDICTIONS: Case[] = [
  ['Analysts expect the central bank to cut rates again in June.', undefined, false],
  ['The storm is likely to weaken as it moves inland.', undefined, false],
  ['Prices will keep rising next year.', undefined, false],
  ['Most forecasters predict a mild recession.', undefined, false],
  ['The reforms are expected to save 2 billion euros a year.', undefined, false],
];

const CALLS_TO_ACTION: Case[] = [
  ['urged residents to stay indoors and keep their windows closed', undefined, false],
  ['The health ministry called on parents to vaccinate their children.', undefined, false],
  ['Let us work together to rebuild the city.', undefined, false],
  ['Stay away from the coast until the warning is lifted.', undefined, false],
];

const COMMITMENTS: Case[] = [
  ['The government pledged to rebuild every damaged home.', undefined, false],
  ['The ministers reaffirmed their commitment to regional stability.', undefined, false],
  ['We are cooperating fully with the authorities', undefined, false],
  ['the company would pay compensation to all affected customers', undefined, false],
  ['vowed to bring those responsible to justice', undefined, false],
];

const SPECULATION_AND_INTERPRETATION: Case[] = [
  ['which might be intended to intimidate its neighbours', undefined, false],
  ['The move could be a sign of a wider shift in policy.', undefined, false],
  ['which analysts interpret as a warning to the rebels', undefined, false],
  ['The fire appears to have started in the kitchen.', undefined, false],
];

const QUESTIONS_AND_META: Case[] = [
  ['Will the government survive the vote?', undefined, false],
  ['Why did the company wait so long to recall the cars?', undefined, false],
  ['The ministry did not respond to a request for comment.', undefined, false],
  ['The company declined to comment on the report.', undefined, false],
  ['The cause of the blackout could not immediately be determined.', undefined, false],
];

const BOILERPLATE_HEADLINES_CAPTIONS: Case[] = [
  ['Share this article', undefined, false],
  ['Subscribe to our newsletter', undefined, false],
  ['All rights reserved.', undefined, false],
  ['Related stories', undefined, false],
  ['Reporting by Jane Okafor; Editing by Tom Lind', undefined, false],
  ['Sources: national weather service, county police', undefined, false],
  ['Government Announces Sweeping Changes To Pension System', undefined, false],
  [
    'Volunteers clear debris from a street in the old town on Monday.',
    'Volunteers clear debris from a street in the old town on Monday. (Photo: A. Reporter / Agency)',
    false,
  ],
];

// Debate and speech sentences (the CheckThat! style the model is trained on): statements of fact, figures and
// what someone said or did against opinions, predictions, calls to action and promises.
const DEBATE_FACTS: Case[] = [
  ['We lost 300,000 manufacturing jobs in the last two years.', undefined, true],
  ['The unemployment rate in this state went from 7 percent to 4 percent.', undefined, true],
  ['My opponent voted against the defense bill three times.', undefined, true],
  ['The senator said in 2019 that the wall would cost nothing.', undefined, true],
  ['He told the committee that he had never met the ambassador.', undefined, true],
  ['China bought $50 billion of our farm products last year.', undefined, true],
];

const DEBATE_NOT_FACTS: Case[] = [
  ['I think we have to do better for our children.', undefined, false],
  ['We will bring those jobs back, believe me.', undefined, false],
  ['Let me be very clear about that.', undefined, false],
  ['Thank you very much, it is great to be here tonight.', undefined, false],
  ['America deserves a president who tells the truth.', undefined, false],
  ['Go to our website and join us.', undefined, false],
];

const CONTEXT: Case[] = [
  // The sentence shows the claim is what someone was urged to do, or a characterisation.
  [
    'to release the detained journalists',
    'Press freedom groups urged the authorities to release the detained journalists.',
    false,
  ],
  ['a betrayal of the workers', 'The union called the agreement "a betrayal of the workers".', false],
  // The sentence adds a call ("a conference call"), which is not a characterisation.
  [
    'about 200 of the jobs would move to its plant in the south',
    'The finance chief told analysts on a conference call that about 200 of the jobs would move to its plant in the south.',
    true,
  ],
];

describe('assessCheckworthiness', () => {
  const groups: Array<[string, Case[]]> = [
    ['facts with numbers', FACTS_WITH_NUMBERS],
    ['facts without numbers', FACTS_WITHOUT_NUMBERS],
    ['opinions', OPINIONS],
    ['predictions', PREDICTIONS],
    ['calls to action', CALLS_TO_ACTION],
    ['commitments', COMMITMENTS],
    ['speculation and interpretation', SPECULATION_AND_INTERPRETATION],
    ['questions and meta-statements', QUESTIONS_AND_META],
    ['boilerplate, headlines and captions', BOILERPLATE_HEADLINES_CAPTIONS],
    ['debate facts, figures and what someone said', DEBATE_FACTS],
    ['debate opinions, promises and calls to action', DEBATE_NOT_FACTS],
    ['sentence context', CONTEXT],
  ];
  for (const [name, cases] of groups) {
    describe(name, () => {
      it.each(cases)('%s → %#', (claim, sentence, expected) => {
        const r = assessCheckworthiness(claim, sentence);
        expect({ claim, checkworthy: r.checkworthy }).toEqual({ claim, checkworthy: expected });
        expect(r.checkworthy).toBe(r.score >= 0.5);
      });
    });
  }

  it('has at least 40 hand-written cases', () => {
    expect(groups.reduce((n, [, c]) => n + c.length, 0)).toBeGreaterThanOrEqual(40);
  });

  describe('hints', () => {
    const fact = 'The army deployed 2,000 soldiers to the border region on Sunday.';
    it('scores a headline or a caption as not check-worthy', () => {
      expect(assessCheckworthiness(fact).checkworthy).toBe(true);
      expect(assessCheckworthiness(fact, fact, { isHeadline: true })).toMatchObject({
        checkworthy: false,
        reason: 'headline',
      });
      expect(assessCheckworthiness(fact, fact, { isCaption: true })).toMatchObject({
        checkworthy: false,
        reason: 'photo caption',
      });
    });
    it.each([['urged'], ['pledged'], ['predicted'], ['hoped']])('lowers the score for the cue %s', (cue) => {
      const claim = 'the two countries would resume talks';
      expect(assessCheckworthiness(claim, undefined, { cue }).score).toBeLessThan(
        assessCheckworthiness(claim, undefined, { cue: 'said' }).score,
      );
    });
    it('keeps neutral reporting cues neutral', () => {
      const claim = 'the plant had been closed since 2019';
      expect(assessCheckworthiness(claim, undefined, { cue: 'said' })).toEqual(assessCheckworthiness(claim));
      expect(assessCheckworthiness(claim, undefined, { cue: 'denied' }).checkworthy).toBe(true);
    });
    it('raises a statement attributed under a neutral reporting verb, not under a colouring one', () => {
      const claim = 'the new law breaches the constitution';
      const plain = assessCheckworthiness(claim).score;
      expect(assessCheckworthiness(claim, undefined, { attributed: true, cue: 'say' }).score).toBeGreaterThan(
        plain,
      );
      expect(assessCheckworthiness(claim, undefined, { attributed: true, cue: 'hope' }).score).toBeLessThan(
        plain,
      );
    });
    it('judges the main clause, not a trailing which-clause', () => {
      const whole = 'Police detained 40 protesters on Sunday, which critics interpret as intimidation';
      expect(assessCheckworthiness(whole).checkworthy).toBe(true);
      expect(assessCheckworthiness('which critics interpret as intimidation', whole).checkworthy).toBe(false);
    });
    it('treats a first-person account as check-worthy only inside an attributed quotation', () => {
      const claim = 'We evacuated the whole village in under an hour';
      expect(
        assessCheckworthiness(claim, undefined, { inQuote: true, attributed: true }).score,
      ).toBeGreaterThan(assessCheckworthiness(claim).score);
    });
  });

  describe('robustness', () => {
    const inputs: Array<[string, unknown]> = [
      ['empty', ''],
      ['whitespace', '   \n\t '],
      ['punctuation only', '?!.,;:--'],
      ['digits only', '12345'],
      ['garbage', '\u0000\uffff\ud800 %%% $$$ ###'],
      ['emoji', '\u{1F600}\u{1F4A5}'],
      ['very long', 'The committee met on Tuesday and approved 12 new rules. '.repeat(5000)],
      ['one huge word', 'a'.repeat(100000) + 'ed'],
      ['not a string', 42],
      ['null', null],
      ['undefined', undefined],
    ];
    it.each(inputs)('never throws and returns a score in 0..1 (%s)', (_name, input) => {
      const r = assessCheckworthiness(input as string, input as string, { cue: input as string });
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(1);
      expect(typeof r.checkworthy).toBe('boolean');
    });
    it('scores empty and garbage text as not check-worthy', () => {
      expect(assessCheckworthiness('').checkworthy).toBe(false);
      expect(assessCheckworthiness('?!.,;:--').checkworthy).toBe(false);
    });
    it('ignores malformed hints', () => {
      const r = assessCheckworthiness('Police detained 14 people.', undefined, 'oops' as never);
      expect(r.checkworthy).toBe(true);
    });
    it('is deterministic', () => {
      const s = 'Turnout was 61 percent, the highest since 1994.';
      expect(assessCheckworthiness(s)).toEqual(assessCheckworthiness(s));
    });
  });

  describe('model', () => {
    it('loads a non-trivial model with a threshold in 0..1', () => {
      expect(MODEL_SIZE).toBeGreaterThan(1000);
      expect(MODEL_THRESHOLD).toBeGreaterThan(0);
      expect(MODEL_THRESHOLD).toBeLessThan(1);
    });
    it('gives a finite logit and ranks a figure above small talk', () => {
      const fact = modelLogit('The deficit grew to $1.2 trillion in 2019.');
      const talk = modelLogit('Thank you very much, it is good to be here.');
      expect(Number.isFinite(fact)).toBe(true);
      expect(fact).toBeGreaterThan(talk);
    });
    it.each([
      ['w:prices'],
      ['b:prices rose'],
      ['b:rose <num>'],
      ['f:prices'],
      ["w:don't"],
      ['h:digit'],
      ['h:percent'],
      ['h:past'],
      ['h:neg'],
      ['h:question'],
      ['h:date'],
    ])('extracts the feature %s', (name) => {
      const f = featureSet('Prices rose 3% in May, don\u2019t they?');
      expect(f).toContain(featureHash(name));
    });
    it.each([
      ['Prices rose 3% in May, don\u2019t they?', ['prices', 'rose', 'in', 'may', "don't", 'they']],
      ['  ÉTÉ 2019: 12,5 km!', ['été', 'km']],
      ['1234 %%% ???', []],
    ])('splits %j into the word tokens the embedding table is keyed by', (text, words) => {
      expect(wordTokens(text)).toEqual(words);
      const out = new Int32Array(64);
      const n = wordTokenHashes(text, out);
      expect([...out.subarray(0, n)]).toEqual(words.map((w) => featureHash(w)));
    });
  });

  describe('word-embedding part', () => {
    it('knows tens of thousands of words beyond the training vocabulary', () => {
      expect(EMBEDDING_VOCABULARY_SIZE).toBeGreaterThan(40000);
    });
    it('is zero for text without known words and finite otherwise', () => {
      expect(embeddingLogit('12,000 %')).toBe(0);
      expect(embeddingLogit('')).toBe(0);
      expect(Number.isFinite(embeddingLogit('The senate passed the bill.'))).toBe(true);
    });
    it('is a mean over the words: repeating the sentence does not change it', () => {
      const s = 'The senate passed the bill in March.';
      expect(embeddingLogit(s + ' ' + s)).toBeCloseTo(embeddingLogit(s), 6);
    });
    // Words that transcripts of old debates rarely hold: the embedding part still ranks a factual report
    // (legislation, figures, events) above courtesy and feelings.
    it.each([
      ['The legislature ratified the treaty and allocated subsidies to semiconductor plants.'],
      ['Inflation, tariffs and unemployment benefits were slashed by the parliament.'],
      ['The cryptocurrency exchange collapsed and regulators indicted its founder.'],
    ])('scores a report above small talk: %s', (fact) => {
      const talk = embeddingLogit('Thank you so much, it is wonderful to be with all of you tonight.');
      expect(embeddingLogit(fact)).toBeGreaterThan(talk);
    });
  });

  describe('hand-feature conjunctions', () => {
    it('adds each pair of the hand features present, order-free', () => {
      const f = featureSet('Prices rose 3% in May.');
      expect(f).toContain(pairHash(...sorted(featureHash('h:past'), featureHash('h:percent'))));
      expect(f).toContain(pairHash(...sorted(featureHash('h:digit'), featureHash('h:date'))));
      expect(f).not.toContain(pairHash(...sorted(featureHash('h:past'), featureHash('h:question'))));
    });
    it('pairs nothing with the bias or the words', () => {
      const f = featureSet('Prices rose 3% in May.');
      expect(f).not.toContain(pairHash(...sorted(featureHash('h:bias'), featureHash('h:past'))));
      expect(f).not.toContain(pairHash(...sorted(featureHash('w:prices'), featureHash('h:past'))));
    });
  });

  describe('model features', () => {
    it.each([['w:rose'], ['h:modal'], ['h:first'], ['h:question']])(
      'does not invent the feature %s',
      (name) => {
        expect(featureSet('Prices fell 3% in May.')).not.toContain(featureHash(name));
      },
    );
  });
});

describe('news rules keyword gate', () => {
  const texts = [
    'Police said 14 people were detained on Sunday.',
    'The minister urged residents to stay indoors.',
    'The company pledged to pay compensation.',
    'The government will pay the families.',
    'The fire may have started in the kitchen.',
    'The move is seen as a signal to investors.',
    'Analysts expect prices to rise.',
    'Officials will meet next month.',
    'The company did not respond to a request for comment.',
    'The union disputed the official figures.',
    'It is a victory for the workers.',
    'We believe the plan is working.',
    'She expressed hope that talks would resume.',
    'The council must act now.',
    'Share this article',
    'Subscribe to our newsletter for the latest news.',
    'Residents returned home after the water receded.',
  ];
  it('the rules it skips never fire when no keyword matches, and each of them fires on some keyword text', () => {
    const fired = new Set<number>();
    for (const t of texts) {
      NEWS_RULES.forEach((rule, i) => {
        const r = rule(t, t, {});
        if (!NEEDS_KEYWORD[i]) return;
        if (!hasRuleKeyword(t)) expect({ t, i, r }).toEqual({ t, i, r: undefined });
        else if (r) fired.add(i);
      });
    }
    expect([...fired].sort((a, b) => a - b)).toEqual(NEEDS_KEYWORD.flatMap((g, i) => (g ? [i] : [])));
  });
});
