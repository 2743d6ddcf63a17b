# Short wrapper around CMake + Ninja. Every target first makes sure the Debian packages are there.
#   make        release build (-O2 -g) in build/
#   make asan   ASan+UBSan build in build-asan/
#   make run    build and serve on http://localhost:3000 with the embedded PostgreSQL
#   make test   sanitizer build, unit tests and API tests against a throwaway PostgreSQL
#   make bench  the benchmarks in bench/ (they report; they never fail)
CMAKE_FLAGS := -G Ninja $(if $(filter true,$(CI)),-DTC_WERROR=ON)

.PHONY: all asan run test bench deps format clean

all: deps
	@cmake -S . -B build $(CMAKE_FLAGS) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build build

asan: deps
	@cmake -S . -B build-asan $(CMAKE_FLAGS) -DCMAKE_BUILD_TYPE=Debug -DTC_SANITIZE=ON >/dev/null
	@cmake --build build-asan

run: all
	./build/twentyc serve

test: asan
	@scripts/test.sh build-asan

bench: all
	@bench/health.sh
	@bench/workspace.sh
	@bench/auth.sh
	@bench/rest.sh
	@bench/graphql.sh

deps:
	@scripts/deps.sh

format:
	@clang-format -i $$(git ls-files 'src/*.c' 'src/*.h' 'tests/*.c')

clean:
	rm -rf build build-asan

# make fuzz: the libFuzzer targets of fuzz/ built with clang in build/fuzz/ (FUZZ_DIR), each
# fuzzed for FUZZ_SECONDS (default 60). New inputs go to $(FUZZ_DIR)/corpus/; fuzz/corpus/ is only
# read (copy a minimised input there when it finds something: `make test` replays it from then on).
FUZZ_SECONDS ?= 60
FUZZ_DIR ?= build/fuzz
.PHONY: fuzz
fuzz:
	@scripts/deps.sh clang libclang-rt-14-dev
	@cmake -S . -B $(FUZZ_DIR) -G Ninja -DCMAKE_C_COMPILER=clang -DTC_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(FUZZ_DIR) --target fuzz_graphql_parse
	@mkdir -p $(FUZZ_DIR)/corpus/graphql_parse
	$(FUZZ_DIR)/fuzz_graphql_parse -max_total_time=$(FUZZ_SECONDS) -dict=fuzz/graphql.dict \
		$(FUZZ_DIR)/corpus/graphql_parse fuzz/corpus/graphql_parse
