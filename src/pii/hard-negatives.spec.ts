import { detect } from './index';

describe('hard negatives: text that looks like personal data but is not', () => {
  it.each([
    ['a version number', 'Edge 123.0.2420.97 shows the bug, Safari 17.4.1 does not.'],
    ['an IP address', 'The NAS is at 10.0.0.12 and the printer at 192.168.100.200.'],
    ['dates and times', 'Workshop on 2024-09-14, 10:00–12:30; fiscal year 01.04.2024 to 31.03.2025.'],
    ['a price', 'Total: $4,215.60 for 12 units; I paid 1 299,99 € in March.'],
    ['an order number', 'Order 114-3941689-8372064 never showed up.'],
    ['a ticket number', 'Ticket #48213-77 has been open since 12/03/2024.'],
    ['an invoice and serial', 'Serial S/N 44E014607227 and invoice INV-2024-313473 attached.'],
    ['a reference number', 'Reference number 4471 2230 9981 is on the letter.'],
    ['a meeting id', 'Passcode 443 921, the meeting ID 611 0274 9983.'],
    ['a tracking number', 'USPS tracking 9400 1000 0000 0000 0000 00 has not updated.'],
    ['an ISBN', 'The ISBN is 978-1-4920-5677-1, the one with the crab.'],
    ['a UUID', 'Session fecf2428-de34-4675-8f7a-d00dd9967f04 expired.'],
    ['a hash', 'Bisected to 31c10d4a0ac935021884890c568c787670fb917f.'],
    ['a 16-digit number that fails the Luhn check', 'Statement line 4000 0566 5566 5557 was a refund.'],
    ['an order number that passes Luhn', 'Order 4000 0566 5566 5556 shipped on Monday.'],
    ['a ZIP code', 'Moving out of 96553-6638 and PLZ 80331.'],
    ['a year range', 'I have the 1955-1959 archive scanned.'],
    ['a quantity with thousands separators', 'The population is 3 645 000, about 9,848,827 pages.'],
    ['lottery numbers', 'The lottery numbers were 04 11 19 23 38 45.'],
    ['a timestamp', 'Timestamp 1717200000 should be 1 June 2024.'],
    ['a barcode', 'Barcode 5 901234 123457 scans as another product.'],
  ])('does not report %s', (_what, text) => {
    expect(detect(text)).toEqual([]);
  });

  it.each([
    ['a retina file name', 'The app loads avatar@2x.jpg and export@3x.png.'],
    ['package versions', '`npm i @types/node@20.12.7` and yarn add lodash@4.17.21'],
    ['scoped packages', 'Installed @nestjs/core and @tanstack/react-query.'],
    ['decorators', "@Controller('users') export class UsersController { @Get(':id') findOne() {} }"],
    ['a git remote', 'My remote is git@github.com:acme/widgets.git and pushes hang.'],
    ['an scp target', '`rsync -avz ./site/ www@web01.example.org:/var/www/site/` deletes nothing.'],
    [
      'an ssh login',
      '`ssh -i ~/.ssh/id_ed25519 ubuntu@ec2-203-0-113-25.compute-1.amazonaws.com` asks for a password.',
    ],
    [
      'credentials in a URL',
      'Connection string `mysql://root:toor@db.local:3306/shop` fails; so does https://user:pass@example.com/x',
    ],
    ['social handles', 'Thanks @ravi_dev and @lena.k, follow @cityparks for updates.'],
    ['a regular expression', 'My regex `[\\w.+-]+@[\\w-]+\\.[\\w.]+` matches "foo@bar.baz" too.'],
    ['an action version', '`uses: actions/cache@v4.0.2` with a key'],
  ])('does not report %s as an email', (_what, text) => {
    expect(detect(text)).toEqual([]);
  });

  it.each([
    "Meet at the fountain at 3, I'll bring the flyers.",
    'The dot on the i is the logo, classic branding.',
    'Polka dot dresses are back, says Ivan.',
    'Ask Priya at the front desk, she handles the keys.',
    "One, two, three, four, five, six pushups and I'm done.",
  ])('does not read obfuscation out of ordinary prose: %s', (text) => {
    expect(detect(text)).toEqual([]);
  });
});
