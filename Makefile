# Two commands set up a fresh clone: `make demo` (install + analyze the bundled article) and
# `make test` (install + run the tests). Everything goes into .venv; nothing is downloaded at
# run time.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
SAMPLE = examples/samples/moscow-times-doha-forum.txt
SHARED ?= ../shared

.PHONY: demo test bench install

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

demo: install
	@mkdir -p out
	$(BIN)/dragoman analyze $(SAMPLE) --date 2024-12-07 --format summary
	$(BIN)/dragoman analyze $(SAMPLE) --date 2024-12-07 -o out/moscow-times-doha-forum.json
	@echo "JSON record: out/moscow-times-doha-forum.json"

test: install
	$(BIN)/pytest -q

bench: install
	$(BIN)/pip install --quiet -e ".[bench]"
	$(BIN)/python benchmarks/throughput.py $(SAMPLE) $(SHARED)/bench/extraction/scrapinghub/html
	$(BIN)/python benchmarks/extraction.py $(SHARED)/bench/extraction/scrapinghub
	$(BIN)/python benchmarks/dates.py $(SHARED)/bench/dates/mediacloud-2020
	$(BIN)/python benchmarks/actors.py $(SHARED)/bench/events/PLOVER_GSR_CAMEO.txt
	$(BIN)/python benchmarks/quotes.py benchmarks/quotes/gold/*.json
	$(BIN)/python benchmarks/events.py $(SHARED)/bench/events/PETR2_GSR_validation.xml $(SHARED)/bench/events/CAMEO2PLOVER-2021.txt
	$(BIN)/python benchmarks/long_text.py $(SHARED)/bench/extraction/scrapinghub/ground-truth.json
	$(BIN)/python benchmarks/hostile.py
