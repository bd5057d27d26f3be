import type { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { ArticlesService } from '../../src/articles/articles.service';
import { ClaimsRepository } from '../../src/claims/claims.repository';
import { ExtractionService } from '../../src/pipeline/extraction.service';
import { VerificationService } from '../../src/verification/verification.service';
import { uniqueWord } from '../support/db';
import { createServiceContext } from '../support/service-context';

jest.setTimeout(90_000);

/** Wire copy detection at extraction and its effect on origin counting, on real PostgreSQL (no workers). */
describe('wire copies (PostgreSQL + Redis, no workers)', () => {
  let context: TestingModule;
  let db: DataSource;
  let articles: ArticlesService;
  let extraction: ExtractionService;
  let verification: VerificationService;
  let claims: ClaimsRepository;

  beforeAll(async () => {
    context = await createServiceContext({ QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}_wire` });
    db = context.get(DataSource);
    articles = context.get(ArticlesService);
    extraction = context.get(ExtractionService);
    verification = context.get(VerificationService);
    claims = context.get(ClaimsRepository);
  });
  afterAll(async () => {
    await context.close();
  });

  /**
   * A three-claim agency story about a made-up town (every claim long enough to be distinctive, and naming the town,
   * so stories of other tests share no claim with it).
   */
  const story = (town: string) => [
    `At least 200 homes were flooded in ${town} after the river burst its banks on Sunday, a senior official said.`,
    `About 1,500 residents of ${town} were moved to emergency shelters overnight, officials said.`,
    `The regional weather office said more rain was expected in ${town} on Tuesday.`,
  ];
  const post = async (text: string, outlet: string): Promise<string> => {
    const { id } = await articles.submit({ text, outlet });
    await extraction.extract(id);
    return id;
  };
  const wireOrigin = async (articleId: string): Promise<string | null> =>
    (await db.query(`SELECT wire_origin_article_id AS o FROM articles WHERE id = $1`, [articleId]))[0].o;
  const claimsOf = async (articleId: string): Promise<{ id: string; text: string; hash: string | null }[]> =>
    db.query(`SELECT id, text, text_hash AS hash FROM claims WHERE article_id = $1 ORDER BY span_start`, [
      articleId,
    ]);

  it('hashes distinctive claims only', async () => {
    const town = uniqueWord('Kel');
    const id = await post(`${story(town).join(' ')} Nobody was hurt, police said.`, 'Hash Check');
    const rows = await claimsOf(id);
    expect(rows.filter((r) => r.hash !== null)).toHaveLength(3);
    expect(rows.find((r) => r.text.startsWith('Nobody'))?.hash ?? null).toBeNull();
    expect(await wireOrigin(id)).toBeNull();
  });

  it('records a copy of the same wire story, and a copy of a copy, against the first article', async () => {
    const town = uniqueWord('Kel');
    const first = await post(story(town).join(' '), 'Agency Wire');
    const copy = await post(
      `${town.toUpperCase()} (Wire) - ${story(town).join(' ')} Schools in ${town} will reopen next week, the council said.`,
      'Daily Courier',
    );
    const copyOfCopy = await post(
      `${story(town).join(' ')} The council of ${town} said schools would reopen next week.`,
      'Metro',
    );
    expect(await wireOrigin(first)).toBeNull();
    expect(await wireOrigin(copy)).toBe(first);
    expect(await wireOrigin(copyOfCopy)).toBe(first);
    expect((await articles.get(copy)).wireCopyOf).toBe(first);
  });

  it('needs enough shared claims: one shared sentence, or too small a share, is not a copy', async () => {
    const town = uniqueWord('Kel');
    const [a, b, c] = story(town);
    // Five distinctive claims.
    const base = await post(
      [
        a,
        b,
        c,
        `Insurers in ${town} expected claims to rise sharply over the coming months, a broker said.`,
        `The town hall of ${town} opened a hotline for families who lost their belongings, the mayor said.`,
      ].join(' '),
      'Agency Wire',
    );
    expect((await claimsOf(base)).filter((r) => r.hash !== null)).toHaveLength(5);
    // One shared claim, however short the article.
    const quoting = await post(
      `${a} Volunteers from ${town} handed out blankets at the sports hall on Monday evening, organisers said.`,
      'Quoting Outlet',
    );
    // Two shared claims of five distinctive ones on either side (0.4 < 0.6).
    const partial = await post(
      [
        a,
        b,
        `Farmers near ${town} said their harvest had been ruined by the muddy water, a union leader said.`,
        `Engineers in ${town} began checking the old stone bridge for cracks on Monday, the council said.`,
        `Shops in the centre of ${town} stayed shut for a second day on Monday, traders said.`,
      ].join(' '),
      'Long Read',
    );
    expect((await claimsOf(partial)).filter((r) => r.hash !== null)).toHaveLength(5);
    expect(await wireOrigin(base)).toBeNull();
    expect(await wireOrigin(quoting)).toBeNull();
    expect(await wireOrigin(partial)).toBeNull();
    // Three of five: a copy.
    const copy = await post(
      [
        a,
        b,
        c,
        `Police in ${town} closed the riverside road to traffic until further notice, a spokesman said.`,
        `Churches in ${town} collected food and clothes for the displaced families on Monday, a priest said.`,
      ].join(' '),
      'Copy Desk',
    );
    expect(await wireOrigin(copy)).toBe(base);
  });

  it('counts the copies of a wire story as one origin, anonymous sources included', async () => {
    const town = uniqueWord('Kel');
    const first = await post(story(town).join(' '), 'Agency Wire');
    const copy = await post(
      `${town.toUpperCase()} (Wire) - ${story(town).join(' ')} Schools in ${town} will reopen next week, the council said.`,
      'Daily Courier',
    );
    const mayor = await post(
      `Some 210 homes in ${town} had been flooded when the river overflowed on Sunday, mayor Ruth Okafor said.`,
      'Town Radio',
    );
    for (const articleId of [first, copy, mayor]) {
      for (const c of await claimsOf(articleId)) {
        await verification.verifyClaim({ claimId: c.id, revision: 1, attempt: 1 });
      }
    }
    const [x] = await claimsOf(first);
    const [xCopy] = await claimsOf(copy);
    const [m] = await claimsOf(mayor);

    // The anonymous "senior official" of each copy is one origin of the wire group.
    const origins = await claims.findOrigins([x.id, xCopy.id]);
    expect(origins.get(x.id)).toEqual(origins.get(xCopy.id));
    expect(origins.get(x.id)).toHaveLength(1);

    const relation: { relation: string; method: string; score: number; explanation: string }[] =
      await db.query(
        `SELECT relation, method, score, explanation FROM claim_relations
          WHERE (claim_a_id, claim_b_id) IN (($1::uuid, $2::uuid), ($2::uuid, $1::uuid))`,
        [x.id, xCopy.id],
      );
    expect(relation).toEqual([
      {
        relation: 'agree',
        method: 'wire_copy',
        score: 1,
        explanation: expect.stringMatching(
          /^the same wire copy, carried by (Agency Wire and Daily Courier|Daily Courier and Agency Wire): one origin$/,
        ),
      },
    ]);

    const status = async (id: string) =>
      (
        await db.query(
          `SELECT agreement_status AS status, agreeing_origins AS agreeing FROM claims WHERE id = $1`,
          [id],
        )
      )[0];
    // The wire story (one origin) and the mayor (another): two, not three.
    expect(await status(m.id)).toEqual({ status: 'corroborated', agreeing: 2 });
    expect(await status(x.id)).toEqual({ status: 'corroborated', agreeing: 2 });
    expect(await status(xCopy.id)).toEqual({ status: 'corroborated', agreeing: 2 });
  });

  it('leaves a wire story nobody else confirms with one origin', async () => {
    const town = uniqueWord('Kel');
    const first = await post(story(town).join(' '), 'Agency Wire');
    const copy = await post(
      `${story(town).join(' ')} Schools in ${town} will reopen next week.`,
      'Daily Courier',
    );
    for (const articleId of [first, copy]) {
      for (const c of await claimsOf(articleId)) {
        await verification.verifyClaim({ claimId: c.id, revision: 1, attempt: 1 });
      }
    }
    const rows: { status: string; agreeing: number }[] = await db.query(
      `SELECT agreement_status AS status, agreeing_origins AS agreeing FROM claims
        WHERE article_id = ANY($1) AND agreement_status <> 'unattributed'`,
      [[first, copy]],
    );
    expect(rows).toHaveLength(6);
    for (const row of rows) expect(row).toEqual({ status: 'single_source', agreeing: 1 });
  });
});
