#!/usr/bin/env python3
"""Write small seed inputs for the fuzz targets (all text invented here).

Run from anywhere: python3 fuzz/seeds/make_seeds.py
Writes fuzz/seeds/{process,analyze,layout}/*.
"""
import gzip
import os

HERE = os.path.dirname(os.path.abspath(__file__))

BODY = [
    'The council approved a $4.5 million budget on Tuesday, a rise of 12 per cent.',
    '“We have waited long enough,” said Maria Lopez, the mayor. “Now we build.”',
    'About 3,400 residents signed the petition in 2023, she said.',
    'Critics called the plan “a gamble” and asked for a review by March 15, 2025.',
    'Opposition leader Tom Baker said the cost had tripled to €12bn over five years.',
]
HOSTILE = ('Red \x1b[31mtext\x1b[0m, clip \x1b]52;c;aGk=\x07, link '
           '\x1b]8;;http://x\x1b\\here\x1b]8;;\x1b\\, \u202eevil\u202c, '
           'c1 \u009b2J, open \x1b]0;title')
MIXED = ['世界和平。「引用」と彼は言った。', 'שלום עולם — مرحبا بالعالم', 'e\u0301 👩\u200d🔬 🇫🇷 ❤\ufe0f\ttab\u00adsoft']


def html_page(title, paras, extra=''):
    ps = '\n'.join(f'<p>{p}</p>' for p in paras)
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} | Daily</title>'
            f'<meta property="og:title" content="{title}"></head><body><nav><a href="/">Home</a></nav>'
            f'<article><h1>{title}</h1><p class="byline">By Ana Ruiz</p>'
            f'<time datetime="2024-05-01">May 1, 2024</time>{ps}{extra}'
            '<figure><img src="a.jpg"><figcaption>The town hall.</figcaption></figure>'
            '</article><footer>© Daily 2024</footer><script>var x = "<p>no</p>";</script></body></html>')


def main():
    seeds = {
        'process': {
            'page.html': b'\x01' + html_page('Council backs budget', BODY).encode(),
            'hostile.html': b'\x01' + html_page('Escapes ' + HOSTILE, [HOSTILE] + MIXED).encode(),
            'latin1.html': b'\x00' + html_page('Caf\xe9 prices', ['Le caf\xe9 co\xfbte 3,50 \u20ac.'])
                .replace('utf-8', 'windows-1252').encode('cp1252'),
            'dump.txt': b'\x02' + ('Council backs budget\n\nBy Ana Ruiz\n\n' + '\n\n'.join(BODY)).encode(),
            'hostile.txt': b'\x02' + ('Title\n\n' + HOSTILE + '\n\n' + '\n'.join(MIXED)).encode(),
            'utf16.txt': b'\x02' + '\ufeffTitle\n\n“Yes,” he said.'.encode('utf-16-le'),
            'page.html.gz': b'\x03' + gzip.compress(html_page('Zipped', BODY[:2]).encode(), mtime=0),
            'nested.html': b'\x01' + ('<div>' * 300 + '<p>deep “quote,” said Al.</p>' + '</div>' * 300).encode(),
        },
        'analyze': {
            'news.txt': ('Council backs budget\n\n' + '\n\n'.join(BODY)).encode(),
            'figures.txt': 'T\n\n$1.2bn, 45%, 3 million people, 1999, 12 May 2020, 2.5x, 3rd, 40 km, 10 years'.encode(),
            'quotes.txt': 'T\n\n"Straight," he said. «Guillemets», dit-il. „Deutsch“, sagte sie. 「日本語」'.encode(),
            'hostile.txt': ('T\n\n' + HOSTILE + '\n\n' + '\n\n'.join(MIXED)).encode(),
        },
        'layout': {
            'mixed.txt': ('Title\n\n' + '\n\n'.join(BODY + MIXED)).encode(),
            'hostile.txt': ('T\n\n' + HOSTILE + '\n\n\u0301lone mark\n\n\r\nline\u2028sep').encode(),
            # An emoji ZWJ sequence unicode-width does not know: 4 columns, one grapheme.
            'wide-zwj.txt': 'T\n\nRcccc \U0001F469\u200d\U0001F6DB\U0001F6DB 3, she said.'.encode(),
            'long.txt': ('T\n\n' + 'supercalifragilistic ' * 20 + '\n\n' + '長い日本語の文章。' * 20).encode(),
        },
    }
    for target, files in seeds.items():
        folder = os.path.join(HERE, target)
        os.makedirs(folder, exist_ok=True)
        for name, data in files.items():
            with open(os.path.join(folder, name), 'wb') as f:
                f.write(data)


if __name__ == '__main__':
    main()
