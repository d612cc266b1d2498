import { wordAlternation } from './words';

/**
 * Words that say which country a post is about: country names, demonyms, major cities and regions,
 * and cue words of the local language ("Handy", "joignable", "ligue"). Lower case; two-word names
 * are matched as pairs. This is a hint table, not a gazetteer: a wrong hint costs one extra
 * libphonenumber check, a missing one falls back to the common-region list in rules/phone-numbering.ts.
 */
const WORDS_BY_REGION: Record<string, string> = {
  US: 'usa|america|american|new york|nyc|brooklyn|manhattan|los angeles|san francisco|seattle|portland|chicago|boston|denver|austin|dallas|houston|atlanta|miami|philadelphia|phoenix|detroit|capitol hill|california|texas|florida',
  CA: 'canada|canadian|toronto|montreal|montréal|vancouver|calgary|ottawa|edmonton|winnipeg|halifax|quebec|québec',
  GB: 'uk|britain|british|england|scotland|scottish|wales|welsh|london|manchester|birmingham|glasgow|edinburgh|leeds|liverpool|bristol|sheffield|newcastle|cardiff|belfast|nottingham|leicester|brighton|oxford|cambridge',
  IE: 'ireland|irish|dublin|cork|galway|limerick',
  FR: 'france|french|français|française|paris|lyon|marseille|toulouse|bordeaux|lille|nantes|strasbourg|rennes|montpellier|bretagne|normandie|gîte|joignable|appelez|appeler|téléphone|portable|je|vous|nous|semaine|merci|bonjour',
  BE: 'belgium|belgian|belgique|bruxelles|brussels|antwerp|antwerpen|gent|ghent|liège',
  CH: 'switzerland|swiss|schweiz|suisse|zürich|zurich|genève|geneva|basel|bern|lausanne',
  DE: 'germany|german|deutschland|deutsch|deutsche|berlin|hamburg|münchen|munich|köln|cologne|frankfurt|stuttgart|düsseldorf|dresden|leipzig|hannover|nürnberg|nuremberg|bremen|ulm|bonn|handy|werkstatt|anrufen|erreichbar|ich|und|nicht|bitte|verkaufe|raum|telefon|festnetz',
  AT: 'austria|austrian|österreich|wien|vienna|graz|linz|salzburg|innsbruck',
  NL: 'netherlands|dutch|holland|nederland|amsterdam|rotterdam|utrecht|eindhoven|den haag|the hague|groningen|bel|telefoon',
  ES: 'spain|spanish|españa|español|madrid|barcelona|valencia|sevilla|seville|málaga|bilbao|zaragoza|llama|llamar|llámame|teléfono|móvil',
  PT: 'portugal|portuguese|português|lisboa|lisbon|porto|telemóvel',
  IT: 'italy|italian|italia|italiano|roma|rome|milano|milan|napoli|naples|torino|turin|bologna|firenze|florence|venezia|venice|genova|chiamate|chiamare|chiama|cellulare|telefono|zona',
  PL: 'poland|polish|polska|warszawa|warsaw|kraków|krakow|wrocław|gdańsk|poznań|łódź|telefon|dzwoń',
  SE: 'sweden|swedish|sverige|stockholm|göteborg|gothenburg|malmö',
  NO: 'norway|norwegian|norge|oslo|bergen',
  DK: 'denmark|danish|danmark|copenhagen|københavn|aarhus',
  FI: 'finland|finnish|suomi|helsinki',
  EE: 'estonia|estonian|tallinn|tartu',
  GR: 'greece|greek|athens|thessaloniki',
  CZ: 'czechia|czech|česko|praha|prague|brno|ostrava|plzeň|volejte',
  SK: 'slovakia|slovak|slovensko|bratislava|košice',
  HU: 'hungary|hungarian|magyarország|budapest|debrecen|szeged',
  RO: 'romania|romanian|românia|bucharest|bucurești|cluj|timișoara|iași',
  BG: 'bulgaria|bulgarian|plovdiv|varna',
  HR: 'croatia|croatian|hrvatska|zagreb',
  TR: 'turkey|turkish|türkiye|istanbul|ankara|izmir',
  RU: 'russia|russian|moscow|москва|petersburg',
  UA: 'ukraine|ukrainian|kyiv|kiev|lviv|odesa|odessa',
  BR: 'brazil|brazilian|brasil|brasileiro|são paulo|sao paulo|rio de janeiro|belo horizonte|porto alegre|curitiba|salvador|recife|fortaleza|brasília|ligue|ligar|vendo|atendimento|você',
  MX: 'mexico|méxico|mexican|mexicano|guadalajara|monterrey|cdmx|puebla|tijuana',
  AR: 'argentina|argentinian|buenos aires|córdoba|rosario',
  CO: 'colombia|colombian|bogotá|bogota|medellín|medellin|cali',
  CL: 'chile|chilean|santiago',
  PE: 'peru|perú|peruvian|lima',
  IN: 'india|indian|mumbai|bombay|delhi|new delhi|bangalore|bengaluru|chennai|madras|hyderabad|kolkata|calcutta|pune|ahmedabad|jaipur|kochi|lucknow',
  PK: 'pakistan|pakistani|karachi|lahore|islamabad',
  BD: 'bangladesh|dhaka',
  LK: 'sri lanka|colombo',
  NG: 'nigeria|nigerian|lagos|abuja|port harcourt|ibadan|kano|enugu|naija',
  GH: 'ghana|ghanaian|accra|kumasi',
  KE: 'kenya|kenyan|nairobi|mombasa',
  ZA: 'south africa|south african|johannesburg|joburg|cape town|durban|pretoria',
  EG: 'egypt|egyptian|cairo|alexandria',
  MA: 'morocco|moroccan|casablanca|rabat|marrakech',
  SA: 'saudi|riyadh|jeddah',
  AE: 'uae|emirates|dubai|abu dhabi|sharjah',
  IL: 'israel|israeli|tel aviv|jerusalem',
  JP: 'japan|japanese|tokyo|osaka|kyoto|yokohama|nagoya|sapporo|kobe|fukuoka',
  KR: 'korea|korean|seoul|busan',
  CN: 'china|chinese|beijing|shanghai|shenzhen|guangzhou',
  HK: 'hong kong|hongkong|kowloon',
  TW: 'taiwan|taiwanese|taipei',
  SG: 'singapore|singaporean',
  MY: 'malaysia|malaysian|kuala lumpur',
  TH: 'thailand|thai|bangkok',
  VN: 'vietnam|vietnamese|hanoi|saigon|ho chi minh',
  PH: 'philippines|filipino|manila|cebu',
  ID: 'indonesia|indonesian|jakarta|bali',
  AU: 'australia|australian|aussie|sydney|melbourne|brisbane|perth|adelaide|canberra|hobart|gold coast',
  NZ: 'new zealand|kiwi|auckland|wellington|christchurch',
};

/** Case-sensitive abbreviations that are ordinary words in lower case ("BH", "SP", "RJ", "NL"). */
export const UPPERCASE_REGION_WORDS: ReadonlyMap<string, readonly string[]> = new Map([
  ['UK', ['GB']],
  ['GB', ['GB']],
  ['BH', ['BR']],
  ['SP', ['BR']],
  ['RJ', ['BR']],
  ['NL', ['NL']],
  ['DE', ['DE']],
  ['FR', ['FR']],
  ['IT', ['IT']],
  ['ES', ['ES']],
  ['NSW', ['AU']],
  ['QLD', ['AU']],
  ['NYC', ['US']],
]);

function buildTable(): ReadonlyMap<string, readonly string[]> {
  const table = new Map<string, string[]>();
  for (const [region, words] of Object.entries(WORDS_BY_REGION)) {
    for (const word of words.split('|')) {
      const regions = table.get(word) ?? [];
      if (!regions.includes(region)) regions.push(region);
      table.set(word, regions);
    }
  }
  return table;
}

export const REGION_WORDS: ReadonlyMap<string, readonly string[]> = buildTable();

/**
 * One case-insensitive alternation of every hint word, longest first so "porto alegre" wins over
 * "porto". V8 runs a literal alternation far faster than a per-word lookup loop. `\b` only works
 * next to ASCII letters, so callers re-check word boundaries around each match.
 */
export const REGION_WORD_PATTERN = wordAlternation([...REGION_WORDS.keys()], 'gi');
export const UPPERCASE_REGION_WORD_PATTERN = wordAlternation([...UPPERCASE_REGION_WORDS.keys()], 'g');
