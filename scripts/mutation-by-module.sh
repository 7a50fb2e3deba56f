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
  [errors]=errors,bad-input [validate]=validate,bad-input [duration]=duration,bad-input [dates]=dates,schedule
  [special]=special,kernels,statistics [normal]=random,monte-carlo [random]=random,monte-carlo [distributions]=random,monte-carlo,priors,posterior
  [quantiles]=quantiles [summation]=summation,compare,what-if,cost-of-delay
  [kernels]=kernels,bad-input [lag]=lag,kernels,engine,simulate [response]=response,bad-input [parameters]=parameters,bad-input
  [schedule]=schedule,bad-input [engine]=engine,simulate,monte-carlo,claims [simulate]=simulate,bad-input
  [uncertainty]=monte-carlo,what-if,bad-input [ensemble]=monte-carlo,what-if,engine [bands]=monte-carlo,what-if [monte-carlo]=monte-carlo,bad-input,what-if,parallel
  [compare]=compare [equivalent-months]=equivalent-months [absence-cost]=absence-cost [seed]=absence-cost,planning,claims
  [claims]=claims,model-docs [what-if]=what-if [cost-of-delay]=cost-of-delay [channels]=channels [platform]=platform [monitor]=monitor [planning]=planning
  [calibrate]=calibrate,history [observations]=calibrate,history [fit-plan]=calibrate [least-squares]=calibrate,profile [covariance]=calibrate [linear-algebra]=calibrate
  [statistics]=statistics,profile,diagnostics [ensemble-sampler]=ensemble-sampler,posterior [mcmc]=mcmc,posterior [sampling]=schedule,semantics,engine,simulate
  [transform]=transform,profile,calibrate [likelihood]=likelihood,calibrate [maximum-likelihood]=calibrate,profile [profile]=profile,calibrate
  [diagnostics]=diagnostics,calibrate [fit-checks]=fit-checks,calibrate [fit-model]=calibrate [posterior]=posterior,calibrate [priors]=priors,calibrate,bad-input
  [sobol-sequence]=sobol-sequence [sobol-indices]=sobol-indices,bad-input [limits]=limits,hardening [csv]=history,bad-input [present]=present [account]=account [reads]=reads,simulate [crossover]=crossover [input-ranges]=input-ranges,sobol-indices [morris]=morris [swings]=swings [parameter-ranges]=sensitivity [sensitivity]=sensitivity [claim-margins]=claim-margins
  [beliefs]=beliefs [history]=history [scenario]=scenario [charts]=charts [node]=parallel,bad-input,charts,history
)
modules=("$@")
[ ${#modules[@]} -eq 0 ] && modules=("${!TESTS[@]}")
mkdir -p reports/mutation/modules .stryker-tmp
for module in "${modules[@]}"; do
  tests=${TESTS[$module]:?"no tests listed for $module"}
  # The module's file, wherever its layer's folder is (src/model/engine.ts for engine).
  file=$(find src -name "$module.ts" | head -1)
  [ -n "$file" ] || { echo "no file src/**/$module.ts"; exit 1; }
  echo "== $module: $file (tests: $tests)"
  # A config per module, so that several modules can run at once (each its own sandbox and report).
  config=".stryker-tmp/$module.config.json"
  node -e '
    const [base, module, out, file] = process.argv.slice(1);
    const config = JSON.parse(require("fs").readFileSync(base, "utf8"));
    Object.assign(config, {
      mutate: [file],
      concurrency: Number(process.env.CONCURRENCY ?? 2),
      reporters: ["clear-text", "json"],
      jsonReporter: { fileName: out },
      tempDirName: `.stryker-tmp/${module}`,
    });
    require("fs").writeFileSync(`.stryker-tmp/${module}.config.json`, JSON.stringify(config));
  ' stryker.config.json "$module" "reports/mutation/modules/$module.json" "$file"
  MUTATION_TESTS=$tests npx stryker run "$config" 2>&1 | grep -E "All files|$module\.ts|Done in|ERROR" || true
done
node scripts/mutation-score.mjs reports/mutation/modules/*.json
