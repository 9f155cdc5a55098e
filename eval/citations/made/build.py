#!/usr/bin/env python3
"""Builds the LaTeX-made documents of the citation corpus: one body, set in several biblatex
styles and languages, with hyperref, so each PDF's citation links give the gold (notes documents
take theirs from the body: see ../tex-gold.ts). Needs TeX (Debian: texlive-latex-base,
-latex-recommended, -latex-extra for biblatex-chicago's xstring, -bibtex-extra, -lang-cyrillic,
-lang-german, -fonts-recommended, biber). The PDFs are committed, so scoring never needs TeX.
`build.py [name...]` rebuilds only those."""
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

# Documents with several reference lists, running heads or notes: each says what differs from
# the plain article above. 'bibliography' is what closes the document ('' when the body prints
# its own lists), 'package' the biblatex line, 'preamble' extra packages.
RUNNING_HEAD = r"""\linespread{2}
\AtBeginBibliography{\linespread{1}\selectfont}
\usepackage{fancyhdr}
\pagestyle{fancy}
\fancyhf{}
\fancyhead[L]{\leftmark}
\fancyhead[R]{\thepage}
"""
RUNNING_FOOT = r"""\usepackage{fancyhdr}
\pagestyle{fancy}
\fancyhf{}
\renewcommand{\headrulewidth}{0pt}
\fancyfoot[L]{\leftmark}
\fancyfoot[R]{\thepage}
"""
CATEGORISED = r"""\printbibheading[title={References}]
\printbibliography[heading=subbibliography,notkeyword=software,notkeyword=online,title={Literature}]
\printbibliography[heading=subbibliography,keyword=software,title={Software}]
\printbibliography[heading=subbibliography,keyword=online,title={Online sources}]
"""
MORE = {
    # One list per chapter (refsection per chapter), numbers restarting in each.
    'made--chapters-en': dict(options='style=numeric,sorting=nyt,refsection=chapter', language='russian,english', body='body-chapters-en.tex',
                              title='Nation, Kinship, Cinema', cls='report', bibliography=''),
    # One list per chapter in explicit refsection environments, author-year, German; the last chapter has none.
    'made--chapters-de': dict(options='style=authoryear,uniquename=false,uniquelist=false', language='russian,ngerman', body='body-chapters-de.tex',
                              title='Kino und Gesellschaft', cls='report', bibliography=''),
    # One bibliography in three categories under one heading (keyword filters).
    'made--categorised-en': dict(options='style=authoryear,uniquename=false,uniquelist=false', language='russian,english', body='body-categorised-en.tex',
                                 title='Festival Audiences and the New Russian Realism', bibliography=CATEGORISED),
    # A thesis-like survey (12 pt, double-spaced) whose single-spaced list of four pages has "REFERENCES" in the running head of each.
    'made--runninghead-en': dict(options='style=authoryear,uniquename=false,uniquelist=false', language='russian,english', body='body-long-en.tex',
                                 title='A Survey of Film Theory', size='12pt', preamble=RUNNING_HEAD),
    # Notes and bibliography: Chicago notes (biblatex-chicago), "BIBLIOGRAPHY" in the running foot of the list.
    'made--notes-chicago-en': dict(package=r'\usepackage[notes,backend=biber,autolang=other]{biblatex-chicago}', language='russian,english',
                                   body='body-notes-en.tex', title='Kinship and Nation on Screen', preamble=RUNNING_FOOT,
                                   bibliography='\\printbibliography[title={Bibliography}]\n'),
    # Notes with biblatex's verbose-note: later citations point back at the note of the first ("see n. 2").
    'made--notes-verbose-en': dict(options='style=verbose-note', language='russian,english', body='body-notes-en.tex', title='Kinship and Nation on Screen'),
    # German notes with "Ebd." (verbose-ibid) and with "a. a. O." and "Ebd." (verbose-trad2).
    'made--notes-ibid-de': dict(options='style=verbose-ibid', language='russian,ngerman', body='body-notes-de.tex', title='Kino, Nation und Gedächtnis'),
    'made--notes-trad-de': dict(options='style=verbose-trad2', language='russian,ngerman', body='body-notes-de.tex', title='Kino, Nation und Gedächtnis'),
    # A second body, held out while the note finder was written: English verbose-trad1 ("op. cit.",
    # "idem"), German verbose-inote ("wie Anm."), and biblatex-chicago with short titles and notes.
    # Held out in the same way for several lists and running heads: chapter lists with
    # alphabetic labels, a numeric list in categories (numbers run on across them), and a
    # numeric list with "REFERENCES" in the running foot.
    'made--chapters-alpha-en': dict(options='style=alphabetic,refsection=chapter', language='russian,english', body='body-chapters-en.tex',
                                    title='Nation, Kinship, Cinema', cls='report', bibliography=''),
    'made--categorised-numeric-en': dict(options='style=numeric,defernumbers=true', language='russian,english', body='body-categorised-en.tex',
                                         title='Festival Audiences and the New Russian Realism', bibliography=CATEGORISED),
    'made--runningfoot-numeric-en': dict(options='style=numeric,sorting=nyt', language='russian,english', body='body-long-en.tex',
                                         title='A Survey of Film Theory', size='12pt', preamble='\\linespread{2}\n\\AtBeginBibliography{\\linespread{1}\\selectfont}\n' + RUNNING_FOOT),
    # One list per chapter from refsegments: numbers run on through the document, each chapter's
    # list prints its own (no work is cited in both, so each link has one target).
    'made--refsegments-en': dict(options='style=numeric,sorting=nyt,refsegment=chapter', language='russian,english', body='body-segments-en.tex',
                                 title='Nation and Kinship', cls='report', bibliography=''),
    'made--notes-trad1-en': dict(options='style=verbose-trad1', language='russian,english', body='body-notes2-en.tex', title='Attractions and Audiences'),
    'made--notes-inote-de': dict(options='style=verbose-inote', language='russian,ngerman', body='body-notes2-de.tex', title='Attraktion und Publikum'),
    'made--notes-chicago2-en': dict(package=r'\usepackage[notes,backend=biber,autolang=other,short]{biblatex-chicago}', language='russian,english',
                                    body='body-notes2-en.tex', title='Attractions and Audiences', bibliography='\\printbibliography[title={Bibliography}]\n'),
}

PREAMBLE = r"""\documentclass[%(size)s]{%(cls)s}
\usepackage{cmap}
\usepackage[T2A,T1]{fontenc}
\usepackage[utf8]{inputenc}
\usepackage[%(language)s]{babel}
%(package)s
\addbibresource{works.bib}
%(preamble)s\usepackage[hidelinks]{hyperref}
\title{%(title)s}
\author{Lectern test corpus}
\date{}
\begin{document}
\maketitle
\input{%(body)s}
%(bibliography)s\end{document}
"""

def build(name, options='', language='english', body='', title='', cls='article', size='11pt', bibliography='\\printbibliography\n', preamble='', package=None):
    with tempfile.TemporaryDirectory() as tmp:
        for f in ('works.bib', body):
            shutil.copy(os.path.join(HERE, f), tmp)
        with open(os.path.join(tmp, 'doc.tex'), 'w', encoding='utf-8') as out:
            package = package or r'\usepackage[backend=biber,autolang=other,%s]{biblatex}' % options
            out.write(PREAMBLE % dict(cls=cls, size=size, language=language, package=package, preamble=preamble, title=title, body=body, bibliography=bibliography))
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

for name, spec in [*DOCS.items(), *MORE.items()]:
    if len(sys.argv) > 1 and name not in sys.argv[1:]:
        continue
    if isinstance(spec, dict):
        build(name, **spec)
    else:
        build(name, *spec)
