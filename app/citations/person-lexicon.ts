/**
 * Word lists for telling people's names from other capitalised pairs in running text: given
 * names that are names and little else, words that open place, organisation, event and title
 * phrases ("North Caucasus", "Cannes Film", "Russian Ark"), and the endings of Slavic and
 * other surnames. The lists favour precision: a missed name costs less than a place listed as a
 * person. Given names are compared folded, so one entry covers its romanisations.
 */
import { foldName, stripMarks } from '../text/fold';

/**
 * Common given names in film, criticism and scholarship. Names that are also ordinary words or
 * places (Roman, Grace, Victoria, Orlando, Mark, Will) are left out on purpose.
 */
const GIVEN = `Aleksandr Aleksandra Aleksei Alena Alla Anastasia Anatolii Andrei Angelina Anna Anton Arkadii Arsenii
Artem Boris Daria Denis Dmitrii Egor Ekaterina Elena Elizaveta Evgenii Evgeniia Fedor Galina Gennadii Georgii
Gleb Grigorii Igor Ilia Inna Irina Ivan Kantemir Kira Kirill Konstantin Ksenia Larisa Leonid Lev Lidia Liubov
Liudmila Maksim Malika Margarita Maria Mariana Marina Marlen Mikhail Nadezhda Natalia Nazir Nikita Nikolai
Nina Oksana Oleg Olga Pavel Petr Polina Renata Ruslan Sergei Sofia Stanislav Svetlana Taisia Tamara Tatiana
Timur Vadim Valentin Valentina Valeria Vasilii Veniamin Vera Viktor Viktoria Vitalii Vladimir Vladislav
Vsevolod Iaroslav Iulia Iurii Zalim Zhanna Aslan Azamat Murat Zaur Madina Eduard Emil Ella Albert
Abbas Adam Agnes Akira Alain Alan Alfred Alice Amanda Andrea Andrew Andrzej Ann Anne Anthony Asghar Barbara Bela
Benjamin Bernard Brian Carl Carlo Carlos Caroline Catherine Charles Charlotte Christopher Claire Claude Daniel
David Deborah Dennis Diana Edward Elizabeth Emily Emma Eric Federico Francesca Francis Francois Frederick
Gary George Giovanni Hannah Harry Helen Henry Hugh Ian Ingmar Isabel Jack Jacques James Jane Janet Jean Jennifer
Jessica Joan Joanne John Jonathan Joseph Julia Julie Karen Katherine Kevin Krzysztof Lars Laura Lauren Linda
Lisa Louis Luchino Lucy Luis Marcel Marco Margaret Martha Martin Mary Matthew Michael Michel Michelle
Michelangelo Nancy Nicholas Nicole Nira Oliver Paolo Patricia Patrick Paul Peter Philip Pierre Rachel
Richard Robert Roger Ruth Ryan Sarah Simon Sophie Stephen Steven Susan Thomas Timothy Walter Werner William
Abdellatif Yasujiro Hirokazu Nuri Emir Miklos Wim`;

const GIVEN_KEYS: ReadonlySet<string> = new Set(GIVEN.split(/\s+/u).filter(Boolean).map(foldName));

/** True for a given name Lectern knows, in any common romanisation, or one typo from one. */
export function isKnownGivenName(word: string): boolean {
  const key = foldName(word);
  if (GIVEN_KEYS.has(key)) return true;
  // "Atrem" for "Artem": a slip in a cast list still names a person; short names need an exact match.
  if (key.length < 5) return false;
  for (const known of GIVEN_KEYS) if (known[0] === key[0] && Math.abs(known.length - key.length) <= 1 && oneEditApart(known, key)) return true;
  return false;
}

/** True only for a given name Lectern knows as spelled (in any romanisation), not one typo from one. */
export function isExactGivenName(word: string): boolean {
  return GIVEN_KEYS.has(foldName(word));
}

function oneEditApart(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Words that start or end non-person phrases; a pair holding one is not a name. */
const NOT_NAME = `The A An And But Or Nor In On At As While When If It It's Its This That These Those Our Your My His Her
Their From About With For Of To By After Before During Since Then So Yet Also Both Even Here There What Which Who
Why How Please Dear Mr Mrs Ms Dr Saint St Mount Lake River North South East West Northern Southern Eastern Western
Central New Old Great Little Grand Prix Palme Golden Silver Film Films Festival Cinema Movie Movies Review Reviews
Critic Critics Director Script Cast Credits Production Design Costume Company Studio Studios Pictures Official
Trailer Magazine Journal Daily News Service Press University State Institute Academy School College Museum
Prize Award Awards Union Soviet Party Communist Republic Federation Russia Russian Caucasus Caucasian Chechen
Chechnya Kabardino-Balkaria Kabardian Kabardians Kabardinian Jewish Muslim Islamic French Italian German English
American British European Cannes Locarno Venice Berlin Moscow Petersburg Nalchik Stavropol Ossetia Elbrus York
Orlando Hollywood War World Wave Thaw Day Time Times Choice Works Cited References Bibliography Notes Chapter Part
Section Volume Issue Closeness Tesnota Theory Social Realism Digital Archive Breaking Vote Corner Short Feature
Tower Brothers Sisters Family Kino Fond Primer Afisha Snob Calvert Sentinel Spin Autoweek Magnum Photos Lenfilm
Ark Creature Gulls Dream Venus Noire Blue Color Colour Children Enfants Les Cranes Still Young Me First Second
Third Women Men Girl Boy Man Woman Mother Father Brother Sister God Lord King Queen Prince Princess Sir Lady
President Prime Minister General Captain Professor Doctor Readings Feminist Movie Details Writing Comment Share
January February March April May June July August September October November December Monday Tuesday
Wednesday Thursday Friday Saturday Sunday`;

const NOT_NAME_WORDS: ReadonlySet<string> = new Set(NOT_NAME.split(/\s+/u).filter(Boolean).map((w) => w.toLowerCase()));

/** True when `word` opens or closes a phrase that is not a person's name. */
export function isNotNameWord(word: string): boolean {
  return NOT_NAME_WORDS.has(word.toLowerCase());
}

/**
 * Surname endings: Russian and other Slavic (-ov, -eva, -in, -sky, -skaya, -ich, -enko, -uk),
 * Georgian and Armenian (-dze, -shvili, -ian), in their common romanisations.
 */
const SURNAME_ENDING = /(?:ov|ova|ev|eva|iov|yov|in|ina|yn|yna|sky|skiy|skii|skij|ski|skaya|skaia|ska|ich|vich|enko|chuk|iuk|yuk|uk|dze|shvili|ian|yan|ets)$/u;

/** True when a family word ends like a surname. */
export function hasSurnameEnding(family: string): boolean {
  return SURNAME_ENDING.test(stripMarks(family).toLowerCase());
}
