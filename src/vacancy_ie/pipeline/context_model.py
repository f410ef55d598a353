"""The span classifier's model with context: what a span says, what its surroundings say,
and what the rules say about it.

spaCy's `spacy.SpanCategorizer.v1` reduces the span's own token vectors. This model
concatenates three views before its output layer: that reduction; a reduction of a window of
`window` tokens on each side (the clause with "is an asset" or "of which", the cue before a
date); and `features.doc_features` (the rules' reading of the span, the heading it sits
under), with v2 also the notice's language and with v3 also `features.mention_features` (a
field label before the span, repeats of its value, first of its kind). The neural views are
trained end to end with the shared tok2vec.

v4 is v2 with a wide-and-deep output: the features also reach the logits through a linear
layer of their own, added to the hidden layer's. In v1-v3 a rule's reading passes through the
dropout and layer norm of `hidden` beside 384 neural dimensions, and an unseen spelling
("LICA5") outvotes it; the direct path lets a feature's weight be learned as it is.

v5 is v4 with deep-path dropout: in training, each span's deep logits are dropped with
probability `deep_dropout`, so the wide path must classify those spans alone. The deep path
learns from the tokens of the training employers' templates; on a template it has never seen
its logits are least trustworthy, and v4's wide path, trained only as its complement, is too
weak to carry the decision there.
"""

from __future__ import annotations

from typing import List, Tuple

import numpy
from spacy.ml.extract_spans import extract_spans
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Linear, Model, chain, list2ragged, zero_init
from thinc.types import Floats2d, Ragged

from .features import (
    LANGUAGE_FEATURE_NAMES,
    MENTION_FEATURE_NAMES,
    N_FEATURES,
    doc_features,
    language_features,
    mention_features,
)


def _widened(ops, X: Ragged, spans: Ragged, window: int) -> Ragged:
    """Each span grown by `window` tokens on each side, within its document."""
    data = ops.to_numpy(spans.dataXd).copy()
    row = 0
    for length, count in zip(ops.to_numpy(X.lengths), ops.to_numpy(spans.lengths)):
        block = data[row:row + count]
        block[:, 0] = numpy.maximum(0, block[:, 0] - window)
        block[:, 1] = numpy.minimum(length, block[:, 1] + window)
        row += count
    return Ragged(ops.asarray2i(data), spans.lengths)


def _feature_width(model: Model) -> int:
    return (N_FEATURES + (len(LANGUAGE_FEATURE_NAMES) if model.attrs["language"] else 0)
            + (len(MENTION_FEATURE_NAMES) if model.attrs["mentions"] else 0))


def _features(model: Model, docs: List[Doc], spans: Ragged) -> Floats2d:
    ops = model.ops
    data = ops.to_numpy(spans.dataXd)
    rows, row = [], 0
    for doc, count in zip(docs, ops.to_numpy(spans.lengths)):
        block = doc_features(doc, data[row:row + count])
        if model.attrs["language"]:
            block = numpy.hstack([block, language_features(doc, len(block))])
        if model.attrs["mentions"]:
            block = numpy.hstack([block, mention_features(doc, data[row:row + count])])
        rows.append(block)
        row += count
    return ops.asarray2f(numpy.concatenate(rows) if rows else numpy.zeros((0, _feature_width(model)), dtype="f"))


def _views(model: Model, docs: List[Doc], spans: Ragged, is_train: bool):
    vectors, span_view, context_view = model.layers[:3]
    X, back_vectors = vectors(docs, is_train)
    A, back_span = span_view((X, spans), is_train)
    B, back_context = context_view((X, _widened(model.ops, X, spans, model.attrs["window"])), is_train)
    H = model.ops.xp.hstack([A, B, _features(model, docs, spans)])

    def backprop(dH: Floats2d) -> None:
        d_span, _ = back_span(model.ops.as_contig(dH[:, :A.shape[1]]))
        d_context, _ = back_context(model.ops.as_contig(dH[:, A.shape[1]:A.shape[1] + B.shape[1]]))
        back_vectors(Ragged(d_span.data + d_context.data, d_span.lengths))

    return H, backprop


def _forward(model: Model, inputs: Tuple[List[Doc], Ragged], is_train: bool):
    docs, spans = inputs
    H, back_views = _views(model, docs, spans, is_train)
    if not model.attrs.get("wide"):
        Y, back_head = model.layers[3](H, is_train)

        def backprop(dY: Floats2d) -> Tuple[List[Doc], Ragged]:
            back_views(back_head(dY))
            return inputs  # no gradient for docs and span indices

        return Y, backprop
    deep, wide = model.layers[3:]
    Z_deep, back_deep = deep(H, is_train)
    Z_wide, back_wide = wide(model.ops.as_contig(H[:, -_feature_width(model):]), is_train)
    keep = _deep_mask(model, len(H)) if is_train else None
    Y = model.ops.softmax(Z_wide + (Z_deep if keep is None else Z_deep * keep))

    def backprop_wide(dY: Floats2d) -> Tuple[List[Doc], Ragged]:
        # as in thinc's Softmax, dY is the gradient of the logits (spancat's loss is Y - truth)
        back_wide(dY)
        back_views(back_deep(dY if keep is None else model.ops.as_contig(dY * keep)))
        return inputs

    return Y, backprop_wide


def _deep_mask(model: Model, n: int) -> Floats2d | None:
    """A column of 0/1 per span: 0 drops that span's deep logits (v5, training only)."""
    rate = model.attrs.get("deep_dropout", 0.0)
    if not rate:
        return None
    return model.ops.asarray2f((numpy.random.uniform(size=(n, 1)) >= rate).astype("f"))


def _init(model: Model, X: Tuple[List[Doc], Ragged] | None = None, Y: Floats2d | None = None) -> None:
    vectors, span_view, context_view, head = model.layers[:4]
    if X is None:
        for layer in model.layers:
            layer.initialize()
        return
    docs, spans = X
    vectors.initialize(X=docs)
    tokens = vectors.predict(docs)
    span_view.initialize(X=(tokens, spans))
    context_view.initialize(X=(tokens, _widened(model.ops, tokens, spans, model.attrs["window"])))
    H, _ = _views(model, docs, spans, is_train=False)
    head.initialize(X=H, Y=Y)
    if model.attrs.get("wide"):
        model.layers[4].initialize(X=model.ops.as_contig(H[:, -_feature_width(model):]), Y=Y)


def _context_span_categorizer(tok2vec, reducer, context_reducer, hidden, scorer, window: int,
                              language: bool, mentions: bool = False,
                              wide: Model | None = None, deep_dropout: float = 0.0
                              ) -> Model[Tuple[List[Doc], Ragged], Floats2d]:
    model = Model(
        "context_spancat", _forward, init=_init,
        layers=[chain(tok2vec, list2ragged()), chain(extract_spans(), reducer),
                chain(extract_spans(), context_reducer), chain(hidden, scorer)] + ([wide] if wide else []),
        attrs={"window": window, "language": language, "mentions": mentions, "wide": wide is not None,
               "deep_dropout": deep_dropout},
    )
    model.set_ref("tok2vec", tok2vec)
    model.set_ref("reducer", reducer)
    model.set_ref("scorer", scorer)
    return model


@registry.architectures("vacancy_ie.ContextSpanCategorizer.v1")
def build_context_span_categorizer(
    tok2vec: Model[List[Doc], List[Floats2d]],
    reducer: Model[Ragged, Floats2d],
    context_reducer: Model[Ragged, Floats2d],
    hidden: Model[Floats2d, Floats2d],
    scorer: Model[Floats2d, Floats2d],
    window: int = 8,
) -> Model[Tuple[List[Doc], Ragged], Floats2d]:
    """Span, context window and rule features, concatenated, then `hidden` and `scorer`."""
    return _context_span_categorizer(tok2vec, reducer, context_reducer, hidden, scorer, window, language=False)


@registry.architectures("vacancy_ie.ContextSpanCategorizer.v2")
def build_context_span_categorizer_v2(
    tok2vec: Model[List[Doc], List[Floats2d]],
    reducer: Model[Ragged, Floats2d],
    context_reducer: Model[Ragged, Floats2d],
    hidden: Model[Floats2d, Floats2d],
    scorer: Model[Floats2d, Floats2d],
    window: int = 8,
) -> Model[Tuple[List[Doc], Ragged], Floats2d]:
    """v1, with the notice's language among the features (one multilingual classifier)."""
    return _context_span_categorizer(tok2vec, reducer, context_reducer, hidden, scorer, window, language=True)


@registry.architectures("vacancy_ie.ContextSpanCategorizer.v3")
def build_context_span_categorizer_v3(
    tok2vec: Model[List[Doc], List[Floats2d]],
    reducer: Model[Ragged, Floats2d],
    context_reducer: Model[Ragged, Floats2d],
    hidden: Model[Floats2d, Floats2d],
    scorer: Model[Floats2d, Floats2d],
    window: int = 8,
) -> Model[Tuple[List[Doc], Ragged], Floats2d]:
    """v2, with the mention features: which of a notice's mentions of a value is the field."""
    return _context_span_categorizer(tok2vec, reducer, context_reducer, hidden, scorer, window, language=True,
                                     mentions=True)


@registry.architectures("vacancy_ie.ContextSpanCategorizer.v4")
def build_context_span_categorizer_v4(
    tok2vec: Model[List[Doc], List[Floats2d]],
    reducer: Model[Ragged, Floats2d],
    context_reducer: Model[Ragged, Floats2d],
    hidden: Model[Floats2d, Floats2d],
    window: int = 8,
) -> Model[Tuple[List[Doc], Ragged], Floats2d]:
    """v2 with a wide-and-deep output: softmax of `hidden`'s logits plus a linear reading of
    the features alone. Both output layers start at zero, so training starts from uniform."""
    return _context_span_categorizer(tok2vec, reducer, context_reducer, hidden, Linear(init_W=zero_init), window,
                                     language=True, wide=Linear(init_W=zero_init))


@registry.architectures("vacancy_ie.ContextSpanCategorizer.v5")
def build_context_span_categorizer_v5(
    tok2vec: Model[List[Doc], List[Floats2d]],
    reducer: Model[Ragged, Floats2d],
    context_reducer: Model[Ragged, Floats2d],
    hidden: Model[Floats2d, Floats2d],
    window: int = 8,
    deep_dropout: float = 0.3,
) -> Model[Tuple[List[Doc], Ragged], Floats2d]:
    """v4 where training drops each span's deep logits with probability `deep_dropout`, so
    the features alone must also classify (v4 at 0)."""
    if not 0.0 <= deep_dropout < 1.0:
        raise ValueError(f"deep_dropout must be in [0, 1), got {deep_dropout}")
    return _context_span_categorizer(tok2vec, reducer, context_reducer, hidden, Linear(init_W=zero_init), window,
                                     language=True, wide=Linear(init_W=zero_init), deep_dropout=deep_dropout)
