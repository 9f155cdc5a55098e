import { describe, expect, it } from 'vitest';
import { importFile } from '../documents/import';
import { findDocumentCitations } from './document-citations';

/** R code beside a numbered reference list: the brackets of indexing are no citations. */
const PAPER = `# Estimating the model

We follow earlier work [1] and estimate the covariance as in [2].

\`\`\`r
ps <- prop.table(table(x, y))
ps[2,2] / sum(ps[2,])
rownames(ps)[2]
\`\`\`

In prose the same cells are \`ps[2,2]\` and rownames(ps)[2].

## References

[1] Newey, W. K., & West, K. D. (1987). A simple covariance matrix. Econometrica, 55, 703–708.

[2] Andrews, D. W. K. (1991). Heteroskedasticity and autocorrelation consistent covariance matrix estimation. Econometrica, 59, 817–858.
`;

describe('numeric citations and code', () => {
  it('marks [1] and [2] in the prose and nothing in R code, fenced or inline', async () => {
    const read = await importFile('model.md', new TextEncoder().encode(PAPER));
    if (!read.ok) throw new Error(read.error);
    const found = findDocumentCitations(read.value);
    expect(found.references).toHaveLength(2);
    const marked = found.citations.map((c) => read.value.text.slice(c.start, c.end));
    expect(marked).toEqual(['[1]', '[2]']);
  });
});
