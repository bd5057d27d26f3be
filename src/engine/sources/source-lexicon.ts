/**
 * Word lists used to canonicalise and type source mentions. All entries lower case.
 * Generic English news vocabulary only: no names from any evaluation article.
 */

const set = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/).filter(Boolean));

/** Words that form a person's title or role when they precede a name ("Labour Minister", "fire service spokesman"). */
export const TITLE_HEADS = set(`
  minister ministers gov. gov president vice-president premier chancellor governor mayor senator sen. rep. representative
  congressman congresswoman councillor councilman councilwoman lawmaker legislator mp
  secretary undersecretary under-secretary ambassador envoy commissioner director director-general
  chairman chairwoman chair chairperson ceo cfo coo cto executive officer manager head chief leader
  spokesman spokeswoman spokesperson spokespeople adviser advisor counsel attorney lawyer prosecutor judge justice
  general gen. colonel col. major maj. lieutenant lt. captain capt. sergeant sgt. admiral adm. commander
  dr. dr prof. prof professor mr. mr mrs. mrs ms. ms miss sir dame lord lady king queen prince princess sheikh
  pope bishop archbishop rabbi imam cardinal father rev. reverend
  economist analyst strategist researcher scientist historian expert spokesman founder co-founder owner
  treasurer deputy president-elect speaker whip clerk coordinator superintendent inspector marshal sheriff
  nurse doctor surgeon physician coach captain editor correspondent reporter columnist anchor host
  candidate nominee challenger incumbent pollster organizer organiser activist campaigner
`);

/** Honorifics that never belong to a canonical name. */
export const HONORIFICS = set(`mr. mr mrs. mrs ms. ms dr. dr prof. prof sir dame rev. miss`);

/** Nouns that make a phrase a government body. */
export const GOVERNMENT_WORDS = set(`
  ministry ministries department government governments administration cabinet police policing gendarmerie
  army military navy air-force forces guard coast-guard pentagon kremlin parliament congress senate assembly legislature
  court courts tribunal judiciary prosecutor prosecutors prosecution inspectorate regulator authority authorities
  commission council municipality city-hall mayor's prefecture province state agency agencies bureau office
  service services embassy consulate white-house downing treasury central-bank
  coastguard coast-guard fire-service firefighters
`);

/** Words that mark a news organisation. */
export const MEDIA_WORDS = set(`
  news newspaper newspapers broadcaster broadcasters broadcasting radio television tv channel daily weekly wire
  press times post herald tribune gazette journal ledger courier chronicle telegraph guardian observer
  reuters bloomberg afp ap yonhap xinhua tass kyodo ria interfax anadolu bernama antara efe dpa ansa
  cnn bbc nbc cbs abc msnbc fox npr pbs al-jazeera aljazeera politico axios
  media outlet outlets magazine tabloid agency-news
`);

/** Phrases (lower case) that denote media by themselves. */
export const MEDIA_PHRASES = [
  'news agency',
  'state media',
  'state television',
  'state tv',
  'state radio',
  'state broadcaster',
  'public broadcaster',
  'news service',
  'press agency',
  'official media',
  'state-run media',
  'state news agency',
  'local media',
  'local broadcaster',
  'news outlet',
];

/** Nouns that make a phrase an organisation (company, NGO, union, institute). */
export const ORGANIZATION_WORDS = set(`
  company companies corporation corp corp. inc inc. ltd ltd. llc plc group holdings systems industries
  association federation union unions confederation council society institute institution foundation
  network charity ngo organisation organization organizations organisations committee party coalition alliance
  bank banks fund university college school hospital clinic firm firms airline airlines maker makers
  manufacturer operator provider producer exporter importer retailer insurer insurers club league team
  church movement campaign center centre initiative project laboratory lab labs exchange board
  works council trust partnership consortium cooperative co-operative international energy airways motors
  pharmaceuticals pharma capital partners foods technologies technology tech solutions logistics telecom mining
  oil gas power steel shipping insurance automotive chemicals electric electronics media-group brands retail
`);

/** Nouns that make a phrase a document. */
export const DOCUMENT_WORDS = set(`
  report reports survey surveys study studies figures data statistics bulletin statement statements poll polls
  document documents records record memo memos letter letters email emails e-mail e-mails judgment judgement
  ruling filing filings analysis estimate estimates census count tally tallies audit review assessment
  findings paper papers research transcript transcripts minutes notes report's indictment complaint lawsuit
  forecast projections release releases tweet tweets post posts video footage recording recordings cable cables
  assessment budget register registers list
`);

/** Head nouns of unnamed people or groups of people: "a police official", "officials", "a person familiar …". */
export const ANONYMOUS_HEADS = set(`
  official officials source sources person people individual individuals insider insiders
  witness witnesses resident residents diplomat diplomats aide aides member members staffer staffers
  employee employees worker workers observer observers analysts analyst expert experts someone
  investigator investigators officer officers spokesman spokeswoman spokesperson spokespeople
`);

/** Plural heads that make a bare plural source anonymous ("officials said"). */
export const ANONYMOUS_PLURALS = set(`
  officials sources witnesses residents diplomats aides insiders people analysts experts observers investigators
  staffers employees workers
`);

/** A compact gazetteer of capitals and countries that news prose uses for governments ("Seoul", "Washington"). */
export const GOVERNMENT_PLACES = set(`
  washington moscow beijing seoul pyongyang tokyo london paris berlin rome madrid kyiv kiev minsk warsaw
  brussels ankara tehran baghdad damascus riyadh cairo jerusalem ramallah beirut amman doha abu-dhabi
  islamabad kabul new-delhi delhi dhaka colombo kathmandu bangkok hanoi manila jakarta kuala-lumpur singapore
  canberra wellington ottawa mexico-city havana caracas bogota lima santiago brasilia buenos-aires
  pretoria nairobi addis-ababa abuja khartoum tripoli tunis algiers rabat lisbon dublin athens vienna
  bern stockholm oslo copenhagen helsinki budapest prague bucharest sofia belgrade zagreb tbilisi yerevan baku
  taipei ulaanbaatar astana tashkent
  china russia ukraine japan india pakistan iran iraq israel syria turkey germany france britain
  italy spain poland canada mexico brazil argentina australia egypt saudi-arabia
  north-korea south-korea united-states u.s. us usa uk u.k. eu nato
`);

/** Verbs, function words and adverbs that never start a source name. */
export const DETERMINERS = set(`the a an this that these those its their his her our my your some another`);

/** Pronouns that may stand as a source. */
export const PERSON_PRONOUNS = set(`he she i we you they`);
export const THING_PRONOUNS = set(`it they`);
