import { CONTEXT_WORD, LATIN_WORD_CHAR, LETTER_OR_DIGIT, SENTENCE_BREAK } from '../patterns';
import { isLetterAt } from '../words';

export type ContextSignal = 'positive' | 'negative' | 'neutral';

/** Words that announce a phone number, in the languages Parley's forums see most. */
/** "number" and its translations: a phone unless an identifier word qualifies it. */
const NUMBER_NOUNS = new Set(['number', 'numbers', 'no', 'nr', 'numéro', 'numero', 'nummer', 'número']);

const PHONE_WORDS = new Set(
  (
    'call|calls|called|calling|phone|phoned|phones|tel|telephone|mobile|mob|cell|cellphone|text|texts|txt|sms|' +
    'whatsapp|signal|telegram|viber|ring|dial|reach|reached|reachable|contact|contacts|number|numbers|no|nr|' +
    'line|hotline|helpline|fax|landline|voicemail|office|desk|reception|support|callback|ph|' +
    'handy|telefon|telefonnummer|rufnummer|mobil|festnetz|anrufen|erreichbar|' +
    'téléphone|tél|tel|portable|joignable|appelez|appeler|numéro|fixe|' +
    'llama|llamar|llame|teléfono|móvil|celular|whatsapp|contacto|' +
    'ligue|ligar|telefone|contato|' +
    'chiamate|chiamare|chiama|cellulare|telefono|numero|' +
    'bel|bellen|telefoon|dzwoń|telefonu|携帯|電話'
  ).split('|'),
);

/**
 * Words that make the number next to them an identifier, not a phone: "Order 114-…",
 * "Ticket #…", "meeting ID 611 0274 9983", "Serial …", "ISBN …", "tracking 9400 …".
 */
const IDENTIFIER_WORDS = new Set(
  (
    'order|orders|ordernumber|bestellung|bestellnummer|commande|pedido|ticket|tickets|case|invoice|inv|' +
    'rechnung|rechnungsnummer|factura|fattura|facture|serial|sn|model|modell|sku|part|ref|reference|' +
    'referenz|référence|tracking|track|shipment|parcel|package|awb|isbn|issn|ean|upc|barcode|id|uuid|' +
    'passcode|password|pin|otp|code|account|acct|konto|kundennummer|iban|bic|swift|routing|card|visa|' +
    'mastercard|amex|issue|bug|pr|commit|build|version|release|error|timestamp|epoch|population|' +
    'odometer|mileage|total|balance|amount|price|cost|transaction|txn|confirmation|reservation|policy|' +
    'claim|membership|vat|tax|zip|plz|postcode|postal|meeting|webinar|zoom|flight|seat|lottery|' +
    'ziffern|lotto|coordinates|latitude|longitude|checksum|hash|port|pid|row|rows|page|pages|line'
  ).split('|'),
);
// "line" is both ("hotline", "line 166 of app.py"); a phone word elsewhere in the window decides.
IDENTIFIER_WORDS.delete('line');

/** Units and counters that follow quantities: "124 583 km", "2400 rpm", "9,848,827 pages". */
const UNIT_WORDS = new Set(
  (
    'km|kg|g|mg|mm|cm|m|ms|s|sec|min|h|hrs|hours|rpm|hz|khz|mhz|ghz|w|kw|kwh|v|mah|mb|gb|tb|kb|px|dpi|' +
    'pages|rows|users|people|members|views|times|downloads|votes|posts|items|units|pcs|words|euros|' +
    'dollars|usd|eur|gbp|sek|inr|jpy|chf|points|pts|miles|mi|ft|lbs|lb|liter|liters|litres|l'
  ).split('|'),
);

/**
 * Looks at up to eight words before the number, in the same sentence, nearest first: the first
 * phone word or identifier word met decides. A sentence break ends the window, except right before
 * the number ("Tel. 0711 …"), where an abbreviation's dot is allowed.
 */
export function contextBefore(text: string, start: number): ContextSignal {
  const window = text.slice(Math.max(0, start - 80), start);
  // Words are read backwards from the number, only as far as needed (at most eight).
  let after = window.length;
  let current = previousWord(window, window.length);
  // Where the words between an identifier word and the number begin: digits after the identifier
  // but before those words are its own number ("Ticket #5521: user reports 0800 …", "Price €40,
  // pick-up in Madrid, 91 …"), so the identifier is already spoken for.
  const nearestWord = current === -1 ? window.length : current >>> 8;
  for (let seen = 0; current !== -1 && seen < 8; seen++) {
    const wordStart = current >>> 8;
    const end = wordStart + (current & 0xff);
    const word = window.slice(wordStart, end).toLowerCase();
    const crossesBreak = SENTENCE_BREAK.test(window.slice(end, after));
    if (crossesBreak && seen > 0) break;
    if (NUMBER_NOUNS.has(word)) {
      // "phone number" / "order number": the word before "number" decides; alone it means a phone.
      const before = previousWord(window, wordStart);
      const qualifier =
        before === -1 ? '' : window.slice(before >>> 8, (before >>> 8) + (before & 0xff)).toLowerCase();
      return IDENTIFIER_WORDS.has(qualifier) ? 'negative' : 'positive';
    }
    if (PHONE_WORDS.has(word)) return 'positive';
    // Digits between the identifier and the number are the identifier's own ("price $45 212-…").
    if (
      IDENTIFIER_WORDS.has(word) &&
      !crossesBreak &&
      !hasDigit(window, end, Math.max(nearestWord, window.length))
    )
      return 'negative';
    if (crossesBreak) break;
    after = end - word.length;
    current = previousWord(window, wordStart);
  }
  return 'neutral';
}

/**
 * The last run of letters ending at or before `before` in the window that is not part of an
 * address ("orders@shop.example.com or 1-800-…" says nothing about the number), packed as
 * `start << 8 | length` (the window is 80 units), or -1.
 */
function previousWord(window: string, before: number): number {
  let i = before;
  for (;;) {
    while (i > 0 && !isLetterAt(window, i - 1)) i--;
    if (i === 0) return -1;
    const end = i;
    while (i > 0 && isLetterAt(window, i - 1)) i--;
    if (!isAddressPart(window, i, end)) return (i << 8) | (end - i);
  }
}

function isAddressPart(window: string, start: number, end: number): boolean {
  const before = window[start - 1];
  const after = window[end];
  return (
    before === '@' || after === '@' || (before === '.' && LETTER_OR_DIGIT.test(window[start - 2] ?? ' '))
  );
}

/** A unit or counter right after the number ("120 000 km"). */
export function unitAfter(text: string, end: number): boolean {
  let i = end;
  while (i < text.length && i < end + 2 && text[i] === ' ') i++;
  CONTEXT_WORD.lastIndex = 0;
  const rest = text.slice(i, i + 12);
  const m = CONTEXT_WORD.exec(rest);
  if (m === null || m.index !== 0)
    return rest.startsWith('%') || rest.startsWith('€') || rest.startsWith('$');
  const word = m[0].toLowerCase();
  return UNIT_WORDS.has(word) && (i > end || word.length <= 3);
}

/**
 * The run must stand alone: not glued to Latin letters or digits ("SN884434603560", "v5.25.10",
 * "INV-2024-313473"), not a price, a ticket "#", a package version "@4.17.21", a decimal
 * ("(3,1415926535)"), or a piece of a longer dotted/colon-separated code (IPs, MACs, times).
 * Letters of scripts written without spaces may touch it ("電話090…"), a label may end in a colon
 * or an opening bracket ("Tel:030…", "Kontakt(0711) …"), the boundaries libphonenumber's matcher
 * allows. A dot, dash or slash glued to a word ("Tel.0711…", "Hotline-0800…") is allowed only
 * when the words before talk about phoning: 'phone-word'.
 */
export function startsAlone(text: string, start: number): 'yes' | 'no' | 'phone-word' {
  const before = text[start - 1] ?? ' ';
  const twoBefore = text[start - 2] ?? ' ';
  if (text[start] === '(' && isLetter(before)) return 'yes';
  if (LATIN_WORD_CHAR.test(before) || '#$€£¥₹@&%'.includes(before)) return 'no';
  if (before === ',' && isAsciiDigit(twoBefore)) return 'no';
  if (before === ':') return isAsciiDigit(twoBefore) ? 'no' : 'yes';
  if ('-./'.includes(before) && LETTER_OR_DIGIT.test(twoBefore)) {
    return isLetter(twoBefore) ? 'phone-word' : 'no';
  }
  return before === ' ' && '$€£¥₹'.includes(twoBefore) ? 'no' : 'yes';
}

function isLetter(c: string): boolean {
  return LETTER_OR_DIGIT.test(c) && !isAsciiDigit(c);
}

/** The end side of the same test: "1203ms", "45%", "12:30", "1.5.2" continue the token. */
export function endsAlone(text: string, end: number): boolean {
  const after = text[end] ?? ' ';
  if (LATIN_WORD_CHAR.test(after) || '%°€$£¥₹'.includes(after)) return false;
  return !('-./:,'.includes(after) && isAsciiDigit(text[end + 1]));
}

function hasDigit(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isAsciiDigit(text[i])) return true;
  return false;
}

function isAsciiDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/**
 * Words that name a payment card or a bank account: they do not make a number an order number.
 * "number" itself says nothing either way: the word before it decides ("card number", "order number").
 */
const PAYMENT_WORDS = new Set(
  (
    'card|cards|visa|mastercard|amex|maestro|discover|jcb|unionpay|diners|credit|debit|kreditkarte|karte|' +
    'carte|tarjeta|cartão|carta|iban|konto|account|acct|bank|transfer|überweisung|virement|' +
    'pin|cvv|cvc|expiry|exp'
  ).split('|'),
);

/**
 * True when one of the four words before a card number or IBAN is an identifier word that is not
 * about payments ("order 4000 …", "tracking …", "ISBN …", "invoice …"): the number is that
 * identifier. Payment words ("card", "Visa", "IBAN", "account") say nothing against it.
 */
export function isIdentifierBefore(text: string, start: number): boolean {
  const window = text.slice(Math.max(0, start - 60), start);
  let current = previousWord(window, window.length);
  let after = window.length;
  for (let seen = 0; current !== -1 && seen < 4; seen++) {
    const wordStart = current >>> 8;
    const word = window.slice(wordStart, wordStart + (current & 0xff)).toLowerCase();
    // A dot right before the number belongs to an abbreviation ("Order no. 5500 …").
    if (seen > 0 && SENTENCE_BREAK.test(window.slice(wordStart + word.length, after))) return false;
    if (PAYMENT_WORDS.has(word)) return false;
    if (IDENTIFIER_WORDS.has(word)) return true;
    after = wordStart;
    current = previousWord(window, wordStart);
  }
  return false;
}
