# Set-up commands (see README.md):
#   make demo   create .venv, install framing, run the full comparison on the demo corpus
#   make test   install the test extras into .venv and run every test, notebooks included
#               (the fuzz tests with the bounded, derandomized "quick" hypothesis profile)
#   make fuzz   the property-based fuzz tests with many more random examples (profile "fuzz")
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
OUT ?= framing-report

.PHONY: demo test fuzz install lint bench validate clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

demo: $(BIN)/python
	$(BIN)/python -m pip install --quiet .
	$(BIN)/framing compare --example rafah --out $(OUT)

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test,notebooks]"

test: install
	$(BIN)/python -m pytest

fuzz: install
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest tests/test_fuzz.py -W ignore::UserWarning

lint: install
	$(BIN)/python -m pip install --quiet ruff
	$(BIN)/ruff check framing tests benchmarks validation

bench: install
	$(BIN)/python benchmarks/run.py

validate: install
	$(BIN)/python validation/run_all.py

clean:
	rm -rf $(VENV) build dist $(OUT) *.egg-info
