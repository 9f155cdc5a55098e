#!/usr/bin/env python3
"""Builds the HTML documents of the citation corpus with pandoc --citeproc and link-citations,
from body-en.md and works.bib, in the CSL styles Lectern ships (resources/csl). Each citation
links to its entry (#ref-key), which gives the gold (see eval/citations/html-links.ts)."""
import os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
CSL = os.path.join(HERE, '..', '..', '..', 'resources', 'csl')
CORPUS = os.path.join(HERE, '..', 'corpus')
DOCS = {'made--html-apa-en': 'apa.csl', 'made--html-chicago-en': 'chicago-author-date.csl'}
for name, style in DOCS.items():
    if len(sys.argv) > 1 and name not in sys.argv[1:]:
        continue
    subprocess.run(['pandoc', os.path.join(HERE, 'body-en.md'), '--citeproc', '--bibliography', os.path.join(HERE, 'works.bib'),
                    '--csl', os.path.join(CSL, style), '-M', 'link-citations=true', '-s', '-o', os.path.join(CORPUS, name + '.html')], check=True)
    print(name)
