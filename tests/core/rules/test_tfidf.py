"""The goals' TF-IDF weighting is scikit-learn's, computed without importing scikit-learn."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from roedtraad.core.rules.space import _Tfidf

counts = st.lists(st.lists(st.integers(min_value=0, max_value=6), min_size=8, max_size=8), min_size=1, max_size=12).map(
    lambda rows: sp.csr_matrix(np.array(rows, dtype=np.float32))
)


@settings(max_examples=60, deadline=None)
@given(counts)
def test_the_weighting_equals_scikit_learns_tfidf_transformer(matrix):
    from sklearn.feature_extraction.text import TfidfTransformer

    ours = _Tfidf()
    ours.fit(matrix)
    theirs = TfidfTransformer(sublinear_tf=True).fit(matrix)
    np.testing.assert_allclose(ours.idf, theirs.idf_, rtol=1e-6)
    np.testing.assert_allclose(
        ours.transform(matrix).toarray(), theirs.transform(matrix).toarray(), rtol=1e-5, atol=1e-7
    )


def test_reading_and_checking_a_document_does_not_import_scikit_learn():
    code = (
        "import sys; import roedtraad.core.ingest.api, roedtraad.core.rules.space, roedtraad.core.rules.overlap;"
        "print('sklearn' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
