#!/usr/bin/env python3
"""Builds the LaTeX-made documents of the citation corpus: one body, set in several biblatex
styles and languages, with hyperref, so each PDF's citation links give the gold. Needs TeX
(Debian: texlive-latex-base, -latex-recommended, -bibtex-extra, -lang-cyrillic, -lang-german, -fonts-recommended, biber). The PDFs are
committed, so scoring never needs TeX."""
import os, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, '..', 'corpus')
DOCS = {
    # name: (biblatex options, babel language, body, title)
    'made--numeric-en': ('style=numeric,sorting=nyt', 'russian,english', 'body-en.tex', 'Kinship and Nation on Screen'),
    'made--alphabetic-en': ('style=alphabetic', 'russian,english', 'body-en-latin.tex', 'Kinship and Nation on Screen'),
    'made--authoryear-en': ('style=authoryear,uniquename=false,uniquelist=false', 'russian,english', 'body-en-latin.tex', 'Kinship and Nation on Screen'),
    'made--authoryear-de': ('style=authoryear,uniquename=false,uniquelist=false', 'russian,ngerman', 'body-de.tex', 'Verwandtschaft und Nation im Film'),
    # Bodies set in Latin letters for styles that print authors' names or labels in the text.
    'made--numeric-ru': ('style=numeric,sorting=none', 'english,russian', 'body-ru.tex', 'Родство и нация в кино'),
}
PREAMBLE = r"""\documentclass[11pt]{article}
\usepackage{cmap}
\usepackage[T2A,T1]{fontenc}
\usepackage[utf8]{inputenc}
\usepackage[%s]{babel}
\usepackage[backend=biber,autolang=other,%s]{biblatex}
\addbibresource{works.bib}
\usepackage[hidelinks]{hyperref}
\title{%s}
\author{Lectern test corpus}
\date{}
\begin{document}
\maketitle
\input{%s}
\printbibliography
\end{document}
"""

def build(name, options, language, body, title):
    with tempfile.TemporaryDirectory() as tmp:
        for f in ('works.bib', body):
            shutil.copy(os.path.join(HERE, f), tmp)
        with open(os.path.join(tmp, 'doc.tex'), 'w', encoding='utf-8') as out:
            out.write(PREAMBLE % (language, options, title, body))
        def run(*cmd):
            done = subprocess.run(cmd, cwd=tmp, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors='replace')
            if done.returncode != 0:
                sys.exit(f'{name}: {" ".join(cmd)} failed\n' + '\n'.join(l for l in done.stdout.splitlines() if l.startswith('!'))[:2000])
        run('pdflatex', '-interaction=nonstopmode', 'doc.tex')
        run('biber', 'doc')
        run('pdflatex', '-interaction=nonstopmode', 'doc.tex')
        run('pdflatex', '-interaction=nonstopmode', 'doc.tex')
        shutil.copy(os.path.join(tmp, 'doc.pdf'), os.path.join(CORPUS, name + '.pdf'))
    print(name)

for name, spec in DOCS.items():
    if len(sys.argv) > 1 and name not in sys.argv[1:]:
        continue
    build(name, *spec)
