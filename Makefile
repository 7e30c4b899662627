# Ruche: `make run` builds and opens the app, `make test` runs every check
# (what CI runs). The recipes live in scripts/; this file only names them.
SHELL := /bin/bash
export PATH := $(shell go env GOPATH 2>/dev/null)/bin:$(PATH)
export NO_AT_BRIDGE := 1

# Arguments for `make run`, e.g. make run ARGS="--lang en" or ARGS="workspace list"
ARGS ?=

.PHONY: all setup build build-windows installer run test vet unit test-frontend test-keyring \
        e2e e2e-window e2e-browser screenshot bench clean help

all: build

help:
	@echo "make run           build, then open Ruche (default data folder, OS keychain)"
	@echo "make test          every check CI runs: vet, Go tests (-race), frontend tests,"
	@echo "                   keychain test, desktop + Windows builds, end-to-end tests"
	@echo "make build         build/bin/ruche        make build-windows  build/bin/ruche.exe"
	@echo "make installer     build/bin/Ruche-amd64-installer.exe (NSIS, Debian's nsis)"
	@echo "make vet | unit | test-frontend | test-keyring | e2e-window | e2e-browser | e2e"
	@echo "make screenshot    run the window test and refresh docs/screenshot.png"
	@echo "make bench         start time and memory, Ruche next to a bare Wails app"
	@echo "make setup         install what is missing (Debian packages, Wails CLI, npm)"

setup:
	@bash scripts/setup.sh

build: setup
	@bash scripts/build.sh desktop

build-windows: build
	@bash scripts/build.sh windows

installer: build
	@WITH_NSIS=1 bash scripts/setup.sh
	@bash scripts/build.sh installer

run: build
	./build/bin/ruche $(ARGS)

test:
	@bash scripts/test.sh

vet: setup
	@bash scripts/test.sh vet

unit: setup
	@bash scripts/test.sh unit

test-frontend: setup
	@bash scripts/test.sh frontend

test-keyring: setup
	@bash scripts/test.sh keyring

e2e-window: build
	@bash scripts/test.sh e2e-window

e2e-browser: build
	@bash scripts/test.sh e2e-browser

e2e: build
	@bash scripts/test.sh e2e-window e2e-browser

screenshot: build
	UPDATE_SCREENSHOT=1 bash tests/e2e/window.sh

bench:
	@bash bench/startup.sh

clean:
	rm -rf build/bin artifacts
