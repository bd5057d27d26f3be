import { analyzeLayout, type BlockKind } from '../../../src/engine/text/page-layout';
import { findBrokenWordBreaks, rejoinBrokenWords } from '../../../src/engine/text/broken-words';
import { looksLikeHtml, stripHtml } from '../../../src/engine/text/html-stripper';
import { identityView, toOriginalSpan } from '../../../src/engine/text/input-view';
import { detectLanguage } from '../../../src/engine/text/language-detector';
import { prepareText } from '../../../src/engine/text/prepared-text';
import { splitSentences } from '../../../src/engine/text/sentence-splitter';

const PARA =
  'The city council approved a budget of 2.4 million euros on Monday, the mayor said in a statement to reporters.';

describe('page layout: debris, headline, captions, datelines', () => {
  const cases: [string, string, BlockKind, string?][] = [
    ['image placeholder', 'spot_imgspot_img', 'debris', 'placeholder'],
    ['image file name', 'IMG_2041.jpg', 'debris', 'placeholder'],
    ['advertisement', 'Advertisement', 'debris', 'furniture'],
    ['sponsored', 'SPONSORED CONTENT', 'debris', 'furniture'],
    ['share line', 'Share this article', 'debris', 'furniture'],
    ['share on', 'Share on Facebook', 'debris', 'furniture'],
    ['navigation', 'Skip to main content', 'debris', 'furniture'],
    ['toggle', 'Toggle navigation', 'debris', 'furniture'],
    ['account bar', 'Subscribe | Sign in', 'debris', 'furniture'],
    ['menu bar', 'Home · World · Business', 'debris', 'furniture'],
    ['byline', 'By Jane Alvarez and Tom Reed', 'debris', 'meta'],
    ['date line', 'November 27, 2026 10:30 a.m.', 'debris', 'meta'],
    ['updated', 'Updated 3:45 p.m. ET', 'debris', 'meta'],
    ['copyright', '© 2026 Example Media. All rights reserved.', 'debris', 'meta'],
    ['reading time', '4 min read', 'debris', 'furniture'],
    ['wire credits', 'Reporting by Anna Lee; Editing by Mark Cole', 'debris', 'meta'],
    ['teaser', 'READ MORE: Mayor unveils plan for new stadium', 'debris', 'meta'],
    ['call to action', 'Sign up for our morning newsletter', 'debris', 'meta'],
  ];
  it.each(cases)('%s: %j is %s', (_name, line, kind, reason) => {
    const text = `Council passes budget\n\n${line}\n\n${PARA}\n\n${PARA}`;
    const layout = analyzeLayout(text);
    const block = layout.blocks.find((b) => text.slice(b.start, b.end) === line);
    expect(block?.kind).toBe(kind);
    if (reason) expect(block?.reason).toBe(reason);
    expect(layout.blocks.filter((b) => b.kind === 'content')).toHaveLength(2);
  });

  const trailers = [
    'Related stories',
    'Latest Posts',
    'Get in Touch',
    'More from Example Wire',
    'You may also like',
    'Read more',
  ];
  it.each(trailers)('a %j trailer drops the link lines after it', (marker) => {
    const text = `Council passes budget\n\n${PARA}\n\n${marker}\n\nMayor pledges new parks by 2030\n\nWhy are bus fares rising?\n\nMore from Example Wire`;
    const layout = analyzeLayout(text);
    expect(layout.blocks.filter((b) => b.kind === 'content').map((b) => text.slice(b.start, b.end))).toEqual([
      PARA,
    ]);
  });

  it('resumes content when real prose follows a sidebar', () => {
    const text = `Council passes budget\n\n${PARA}\n\nRelated stories\n\nMayor pledges new parks\n\n${PARA} ${PARA}`;
    const content = analyzeLayout(text).blocks.filter((b) => b.kind === 'content');
    expect(content).toHaveLength(2);
  });

  it.each([
    [
      'parenthesised credit',
      'Firefighters work at the scene on Tuesday. (Photo: Jan Orlik / Example Wire)',
      'Firefighters work at the scene on Tuesday.',
    ],
    [
      'bare credit',
      'Residents wade through a street. Photo: Lena Morrow / Example Wire',
      'Residents wade through a street.',
    ],
    [
      'agency credit',
      'Protesters gather outside parliament. (AP Photo/John Smith)',
      'Protesters gather outside parliament.',
    ],
  ])('caption with %s: caption text kept, credit dropped', (_n, line, caption) => {
    const text = `Council passes budget\n\n${PARA}\n\n${line}\n\n${PARA}`;
    const block = analyzeLayout(text).blocks.find((b) => b.kind === 'caption');
    expect(block).toBeDefined();
    expect(text.slice(block!.contentStart, block!.contentEnd)).toBe(caption);
  });

  it.each([
    ['KELLEN, Tarsia (Example Wire) — Police said 23 people were detained.', 'Police said', 'Example Wire'],
    ['WASHINGTON: The senators met on Tuesday.', 'The senators', undefined],
    ['Washington (AFP) – The newspaper endorsed the candidate on Friday.', 'The newspaper', 'AFP'],
  ])('dateline %j: content starts after it', (para, startsWith, outlet) => {
    const text = `Headline without a full stop\n\n${para}\n\n${PARA}`;
    const layout = analyzeLayout(text);
    const block = layout.blocks.find((b) => b.kind === 'content')!;
    expect(text.slice(block.contentStart)).toMatch(new RegExp(`^${startsWith}`));
    expect(layout.outlet).toBe(outlet);
  });

  it('live-blog timestamps are not part of the content', () => {
    const text = `Live: march in the capital\n\n18:40 — The march has ended at the square.\n\n${PARA}`;
    const block = analyzeLayout(text).blocks.find((b) => b.kind === 'content')!;
    expect(text.slice(block.contentStart, block.contentEnd)).toBe('The march has ended at the square.');
  });

  it.each([
    ['first short line without final punctuation', `Council passes budget\n\n${PARA}`, 'headline'],
    ['question headline', `Why are bus fares rising?\n\n${PARA}`, 'headline'],
    [
      'a single sentence is content, not a headline',
      'We are consuming 50 percent of the world supply',
      'content',
    ],
    ['a single sentence with a full stop', 'Unemployment fell to 3.9 percent last month.', 'content'],
  ])('%s', (_n, text, kind) => {
    expect(analyzeLayout(text).blocks[0].kind).toBe(kind);
  });

  it('a later short unpunctuated line is a subheading', () => {
    const text = `Council passes budget\n\n${PARA}\n\nWhat happens next\n\n${PARA}`;
    expect(analyzeLayout(text).blocks.map((b) => b.kind)).toEqual([
      'headline',
      'content',
      'heading',
      'content',
    ]);
  });
});

describe('broken words', () => {
  it.each([
    [
      'mid-word break',
      'The ministry said the outbreak had spread to the Ukrai\nne border by Monday.',
      'Ukraine',
    ],
    [
      'break before suffix',
      'It led to a nationwide review of factory inspec\ntions after the fire.',
      'inspections',
    ],
    ['weekday', 'The agency said on Mon\nday that 3,100 homes had been damaged.', 'Monday'],
  ])('%s is rejoined in the view, spans cover the newline', (_n, text, word) => {
    const view = rejoinBrokenWords(identityView(text));
    const at = view.text.indexOf(word);
    expect(at).toBeGreaterThanOrEqual(0);
    const span = toOriginalSpan(view, at, at + word.length);
    expect(text.slice(span.start, span.end).replace('\n', '')).toBe(word);
    expect(text.slice(span.start, span.end)).toContain('\n');
  });

  it('hard-wrapped text keeps its newlines (they are spaces between words)', () => {
    const text = [
      'The council approved the budget on Monday after a long',
      'debate that lasted well into the evening, officials said',
      'in a statement released late at night to local media and',
      'to residents who had gathered outside the town hall today.',
    ].join('\n');
    expect(findBrokenWordBreaks(text)).toEqual([]);
  });

  it('short lines are not treated as broken words', () => {
    expect(findBrokenWordBreaks('Menu\nhome\nnews')).toEqual([]);
  });
});

describe('HTML input', () => {
  const html =
    '<html><head><title>x</title><style>p{color:red}</style></head><body><nav>Home | News</nav>' +
    '<h1>Council passes budget</h1><p>The council approved a budget of 2.4&nbsp;million euros, the mayor&rsquo;s office said.</p>' +
    '<script>var a = "<p>not text</p>";</script><figure><img src="a.jpg"><figcaption>The mayor speaks.</figcaption></figure>' +
    '<p>Critics said the plan &amp; its costs were too high.</p></body></html>';

  it('is detected as HTML; plain text is not', () => {
    expect(looksLikeHtml(html)).toBe(true);
    expect(looksLikeHtml('If a < b and c > d, profits rose 5% in 2024 & 2025.')).toBe(false);
  });

  it('strips tags, scripts, styles and navigation, and decodes entities', () => {
    const view = stripHtml(html);
    expect(view.text).toContain('2.4 million euros, the mayor\u2019s office said.');
    expect(view.text).toContain('the plan & its costs');
    expect(view.text).not.toContain('not text');
    expect(view.text).not.toContain('color:red');
    expect(view.text).not.toContain('Home | News');
  });

  it('maps every view span back into the original HTML', () => {
    const view = stripHtml(html);
    const at = view.text.indexOf('mayor\u2019s');
    const span = toOriginalSpan(view, at, at + 'mayor\u2019s'.length);
    expect(html.slice(span.start, span.end)).toBe('mayor&rsquo;s');
  });

  it('marks h1 as headline and figcaption as caption', () => {
    const prepared = prepareText(html);
    const kinds = prepared.sentences.map((s) => [s.kind, s.text]);
    expect(kinds).toContainEqual(['headline', 'Council passes budget']);
    expect(kinds).toContainEqual(['caption', 'The mayor speaks.']);
  });
});

describe('sentence splitting', () => {
  const cases: [string, string, string[]][] = [
    ['plain', 'Prices rose. Wages fell.', ['Prices rose.', 'Wages fell.']],
    [
      'titles',
      'Dr. Amara Sethi and Mr. Lee spoke. They agreed.',
      ['Dr. Amara Sethi and Mr. Lee spoke.', 'They agreed.'],
    ],
    [
      'U.S. mid-sentence',
      'The U.S. and Japan met. Talks ended.',
      ['The U.S. and Japan met.', 'Talks ended.'],
    ],
    [
      'U.S. before a name',
      'He met U.S. President Joe Biden. They talked.',
      ['He met U.S. President Joe Biden.', 'They talked.'],
    ],
    [
      'U.S. at the end',
      'The envoy flew to the U.S. The talks begin today.',
      ['The envoy flew to the U.S.', 'The talks begin today.'],
    ],
    [
      'U.N. resolutions',
      'They violate U.N. Security Council resolutions. He said so.',
      ['They violate U.N. Security Council resolutions.', 'He said so.'],
    ],
    ['p.m. then sentence', 'It ended at 9 p.m. The crowd left.', ['It ended at 9 p.m.', 'The crowd left.']],
    [
      'p.m. mid-sentence',
      'It ended at 9 p.m. on Tuesday, police said.',
      ['It ended at 9 p.m. on Tuesday, police said.'],
    ],
    [
      'month abbreviation',
      'Cases began on Feb. 24 in Senn. Then more came.',
      ['Cases began on Feb. 24 in Senn.', 'Then more came.'],
    ],
    ['decimals', 'Inflation was 6.8 percent. It fell.', ['Inflation was 6.8 percent.', 'It fell.']],
    ['initials', 'J. K. Rowling wrote it. Sales rose.', ['J. K. Rowling wrote it.', 'Sales rose.']],
    [
      'closing quote',
      '\u201cWe have 80 beds.\u201d She left.',
      ['\u201cWe have 80 beds.\u201d', 'She left.'],
    ],
    [
      'quote continues',
      '\u201cWhy?\u201d he asked. Nobody answered.',
      ['\u201cWhy?\u201d he asked.', 'Nobody answered.'],
    ],
    [
      'two quoted sentences',
      '\u201cIt spread fast. Many were trapped,\u201d he said.',
      ['\u201cIt spread fast.', 'Many were trapped,\u201d he said.'],
    ],
    [
      'company',
      'Shares of Acme Inc. rose. The company said so.',
      ['Shares of Acme Inc. rose.', 'The company said so.'],
    ],
    ['ellipsis', 'He paused... Then he spoke.', ['He paused...', 'Then he spoke.']],
    ['url', 'See example.com for details. It helps.', ['See example.com for details.', 'It helps.']],
    [
      'newline inside',
      'The agency said on\nMonday it was over.',
      ['The agency said on\nMonday it was over.'],
    ],
  ];
  it.each(cases)('%s', (_n, text, expected) => {
    expect(splitSentences(text).map((s) => s.text)).toEqual(expected);
  });

  it('offsets point into the text', () => {
    const text = '  First one.   Second one!  ';
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('caps very long unpunctuated runs', () => {
    const text = 'word '.repeat(5000);
    const sentences = splitSentences(text);
    expect(sentences.length).toBeGreaterThan(5);
    for (const s of sentences) expect(s.end - s.start).toBeLessThanOrEqual(3001);
  });
});

describe('language detection', () => {
  it.each([
    [
      'eng',
      'The ministry said on Tuesday that 412 people had been infected and nine had died since late February.',
    ],
    [
      'fra',
      'La ministre a annoncé mardi que le gouvernement allait investir deux milliards d’euros dans les hôpitaux publics du pays.',
    ],
    [
      'deu',
      'Der Bundestag hat am Donnerstag ein neues Gesetz zur Förderung erneuerbarer Energien beschlossen, teilte die Regierung mit.',
    ],
    [
      'spa',
      'El gobierno anunció el martes que invertirá dos mil millones de euros en los hospitales públicos del país.',
    ],
    [
      'spa',
      'El gobierno dijo el martes que los precios de los alimentos subieron durante tres meses seguidos en todo el pais.',
    ],
    [
      'ita',
      'Il governo ha detto martedi che i prezzi dei prodotti alimentari sono aumentati per tre mesi di fila in tutto il paese.',
    ],
    [
      'eng',
      '\u201cWe opened 46 shelters overnight \u2014 every one of them is full,\u201d said the director of the relief society.',
    ],
    [
      'eng',
      'Caf\u00e9 owners in M\u00fcnchen said the new rules had cut their revenue by a third since the spring.',
    ],
    ['eng', 'We are consuming 50 percent of it.'],
    ['eng', 'Yes.'],
    ['eng', ''],
    ['eng', '12345 67890 !!!'],
  ])('%s: %j', (code, text) => {
    expect(detectLanguage(text)).toBe(code);
  });
});
