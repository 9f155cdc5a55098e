#!/usr/bin/env python3
"""Builds the web pages and plain-text documents of the citation corpus with pandoc --citeproc,
from body-en.md / body-fr.md and works.bib, in the CSL styles Lectern ships (resources/csl).
In a web page each citation links to its entry (#ref-key), which gives the gold (see
eval/citations/html-links.ts). A plain-text document (made--text-*) is pandoc's plain output
of the same body and style as its web twin (made--html-*), so the twin's links are its gold;
the text is wrapped at 72 columns, as plain text usually comes."""
import os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
CSL = os.path.join(HERE, '..', '..', '..', 'resources', 'csl')
CORPUS = os.path.join(HERE, '..', 'corpus')
DOCS = {
    'made--html-apa-en': ('body-en.md', 'apa.csl'),
    'made--html-chicago-en': ('body-en.md', 'chicago-author-date.csl'),
    'made--html-chicago-fr': ('body-fr.md', 'chicago-author-date.csl'),
}
TEXT = {'made--text-apa-en': 'made--html-apa-en', 'made--text-chicago-fr': 'made--html-chicago-fr'}


def pandoc(body, style, out, *extra):
    subprocess.run(['pandoc', os.path.join(HERE, body), '--citeproc', '--bibliography', os.path.join(HERE, 'works.bib'),
                    '--csl', os.path.join(CSL, style), *extra, '-o', os.path.join(CORPUS, out)], check=True)


wanted = lambda name: len(sys.argv) == 1 or name in sys.argv[1:]
for name, (body, style) in DOCS.items():
    if wanted(name):
        pandoc(body, style, name + '.html', '-M', 'link-citations=true', '-s')
        print(name)
for name, twin in TEXT.items():
    if wanted(name):
        body, style = DOCS[twin]
        pandoc(body, style, name + '.txt', '-t', 'plain', '-s', '--columns', '72')
        print(name)
