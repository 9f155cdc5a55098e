/**
 * Small hand-written word lists the labeller uses as features. They generalise past the
 * training data: a place or publisher word never seen in training still lights the same feature.
 * Entries are lower case, without accents or punctuation.
 */

const words = (text: string): Set<string> => new Set(text.split(/\s+/).filter(Boolean));

/** Month names and abbreviations (English, German, French, Spanish, Italian). */
export const MONTHS: ReadonlyMap<string, number> = new Map(
  [
    'jan january januar janvier enero gennaio janv',
    'feb february februar fevrier febrero febbraio fevr',
    'mar march marz mars marzo',
    'apr april avril abril aprile avr',
    'may mai mayo maggio',
    'jun june juni juin junio giugno',
    'jul july juli juillet julio luglio juil',
    'aug august aout agosto',
    'sep sept september septembre septiembre settembre',
    'oct october oktober octobre octubre ottobre okt',
    'nov november novembre noviembre',
    'dec december dezember decembre diciembre dicembre dez',
  ].flatMap((line, index) => [...words(line)].map((w) => [w, index + 1] as const)),
);

/** Seasons and similar date words found where a month would be. */
export const SEASONS = words('spring summer autumn fall winter fruhjahr sommer herbst');

/** Words that announce editors. */
export const EDITOR_WORDS = words('ed eds editor editors edited edit hrsg hg hgg herausgegeben dir dirs coord comp comps');

/** Words that announce translators. */
export const TRANSLATOR_WORDS = words('trans transl translated translator translators tr ubers ubersetzt trad traduit traduction');

/** Words that announce a container ("In …", "Dans …"). */
export const CONTAINER_CUES = words('in dans en im');

/** Page cues. */
export const PAGE_WORDS = words('p pp pages page s seiten pgs');

/** Volume and issue cues. */
export const VOLUME_WORDS = words('vol vols volume volumes bd band t tome no nos nr number issue heft iss n');

/** Edition cues. */
export const EDITION_WORDS = words('edition ed edn aufl auflage rev revised reprint expanded nd rd th st');

/** Words typical of publisher names. */
export const PUBLISHER_WORDS = words(
  'press verlag publishing publishers publisher publications books editions editions edizioni editorial editora ' +
    'inc ltd co llc gmbh company sons wiley springer elsevier routledge sage penguin macmillan blackwell ' +
    'harper random house norton knopf pearson mcgraw hill prentice addison wesley academic university universite ' +
    'universitat universidad oxford cambridge mit gallimard seuil suhrkamp beck kluwer nijhoff brill taylor francis ' +
    'palgrave verso polity basic little brown houghton mifflin vintage doubleday scribner bloomsbury ieee acm ' +
    'society association institute foundation council bureau department ministry office',
);

/** Common places of publication. */
export const PLACE_WORDS = words(
  'london new york paris berlin oxford cambridge chicago boston princeton tokyo amsterdam munchen munich ' +
    'frankfurt hamburg leipzig stuttgart wien vienna zurich basel bern geneva roma rome milano milan madrid ' +
    'barcelona lisboa moscow moskva petersburg toronto montreal sydney melbourne washington philadelphia ' +
    'baltimore berkeley stanford los angeles san francisco diego ithaca haven cambridge ma ny nj ca il uk usa ' +
    'heidelberg dordrecht leiden hague boston durham lanham thousand oaks malden hoboken englewood cliffs ' +
    'reading upper saddle river amsterdam edinburgh glasgow dublin manchester bristol brussels bruxelles ' +
    'copenhagen stockholm oslo helsinki warsaw prague budapest beijing shanghai delhi singapore hong kong',
);

/** Words typical of journal and container titles. */
export const JOURNAL_WORDS = words(
  'journal j review rev quarterly annals annual bulletin bull proceedings proc transactions trans letters lett ' +
    'magazine studies research science sciences nature acta archives arch zeitschrift revue rivista revista ' +
    'international int american am european eur conference conf symposium workshop congress meeting ' +
    'newsletter gazette times post herald news daily weekly monthly forum perspectives reports series notes',
);

/** Name particles that sort with the family name. */
export const PARTICLES = words('van von der den de del della di da du la le ter ten vom zu dos das st');

/** Words that occur in notes about access and availability. */
export const ACCESS_WORDS = words('retrieved available accessed online from at viewed consulted abgerufen zugriff');

/** Words naming a kind of document. */
export const GENRE_WORDS = words(
  'thesis dissertation phd ph msc master masters report technical tech memo manuscript unpublished preprint ' +
    'working paper draft diss habilitationsschrift these',
);

/** Short function words that are rare in names and common in titles. */
export const FUNCTION_WORDS = words(
  'the a an of and for on to with from by at as is are its their this that what how why der die das und fur mit ' +
    'le les des et pour sur une un la el los las y del il della per',
);
