#!/usr/bin/env bash
# Mutation testing module by module: each module of src/ against its own tests
# (and the bad-input table where it covers the module), one JSON report per
# module in reports/mutation/modules/, then the score over all of them.
#
#   bash scripts/mutation-by-module.sh                 # every module
#   bash scripts/mutation-by-module.sh kernels engine  # some modules
#   CONCURRENCY=1 bash scripts/mutation-by-module.sh   # leave a core free
set -euo pipefail
cd "$(dirname "$0")/.."

# module: the test files that state its behaviour
declare -A TESTS=(
  [errors]=errors,bad-input [validate]=validate,bad-input [duration]=duration,bad-input
  [special]=special,kernels [kernels]=kernels,bad-input [response]=response,bad-input [parameters]=parameters,bad-input
  [schedule]=schedule,bad-input [engine]=engine,simulate [simulate]=simulate,bad-input [compare]=compare
  [equivalent-months]=equivalent-months [absence-cost]=absence-cost [claims]=claims [random]=random,monte-carlo
  [quantiles]=quantiles [monte-carlo]=monte-carlo,bad-input [what-if]=what-if [channels]=channels
  [platform]=platform [calibrate]=calibrate [history]=history [beliefs]=beliefs [monitor]=monitor
  [planning]=planning [scenario]=scenario [charts]=charts [node]=parallel,bad-input
)
modules=("$@")
[ ${#modules[@]} -eq 0 ] && modules=("${!TESTS[@]}")
mkdir -p reports/mutation/modules
for module in "${modules[@]}"; do
  tests=${TESTS[$module]:?"no tests listed for $module"}
  echo "== $module (tests: $tests)"
  MUTATION_TESTS=$tests npx stryker run \
    --mutate "src/$module.ts" \
    --concurrency "${CONCURRENCY:-2}" \
    --reporters clear-text,json \
    --tempDirName ".stryker-tmp/$module" 2>&1 | grep -E "All files|$module\.ts|Done in|ERROR" || true
  mv reports/mutation/mutation.json "reports/mutation/modules/$module.json"
done
node scripts/mutation-score.mjs reports/mutation/modules/*.json
