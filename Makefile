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

deps:
	@scripts/deps.sh

format:
	@clang-format -i $$(git ls-files 'src/*.c' 'src/*.h' 'tests/*.c')

clean:
	rm -rf build build-asan
