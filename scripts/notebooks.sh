#!/usr/bin/env bash
# The notebooks on Deno's Jupyter kernel (the `deno` devDependency), with the
# kernel registered in a folder of this project (.jupyter/, never the user's own).
#
#   bash scripts/notebooks.sh run     # build if needed, execute every notebook headless, check it (npm run notebook)
#   bash scripts/notebooks.sh lab     # open them in Jupyter Lab (or Notebook) with the kernel (npm run notebook:lab)
#   bash scripts/notebooks.sh vscode  # open them in VS Code with the kernel found (npm run notebook:vscode)
#   bash scripts/notebooks.sh path    # print the JUPYTER_PATH to use when starting Jupyter yourself
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
mode=${1:-run}
deno="$root/node_modules/.bin/deno"
kernels="$root/.jupyter"
export JUPYTER_PATH="$kernels/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"

fail() { printf '\nnotebooks: %s\n' "$*" >&2; exit 1; }

[ -x "$deno" ] || fail "Deno is not installed here: run \`npm install\` (it comes with the devDependency \`deno\`)."
# deno jupyter --install writes under $XDG_DATA_HOME: point it at the project's folder.
if [ ! -f "$kernels/jupyter/kernels/relationship-equity/kernel.json" ]; then
  XDG_DATA_HOME="$kernels" "$deno" jupyter --install --force --name relationship-equity --display 'TypeScript (Deno)' > /dev/null 2>&1 \
    || fail "could not register Deno's kernel in $kernels (deno jupyter --install)."
fi
# The notebooks import the built package (dist/): build it when it is missing or older than src/.
if [ ! -f dist/index.js ] || [ -n "$(find src -newer dist/index.js -name '*.ts' -print -quit)" ]; then
  echo "notebooks: building the package first (npm run build)"
  npm run -s build > /dev/null
fi

case "$mode" in
  path) echo "$JUPYTER_PATH"; exit 0 ;;
  lab)
    command -v jupyter > /dev/null || fail "Jupyter is not installed: \`pip install jupyterlab\` (or Debian's \`apt-get install jupyter-notebook\`)."
    if jupyter lab --version > /dev/null 2>&1; then exec jupyter lab notebooks; else exec jupyter notebook notebooks; fi ;;
  vscode)
    command -v code > /dev/null || fail "VS Code's \`code\` command is not on the PATH (VS Code: Shell Command: Install 'code' command in PATH)."
    echo "notebooks: VS Code finds the kernel 'TypeScript (Deno)' through JUPYTER_PATH=$JUPYTER_PATH"
    exec code notebooks ;;
  run) ;;
  *) fail "unknown mode '$mode': run, lab, vscode or path" ;;
esac

command -v jupyter > /dev/null && jupyter nbconvert --version > /dev/null 2>&1 \
  || fail "jupyter nbconvert is needed to run the notebooks headless: \`apt-get install jupyter-nbconvert python3-jupyter-client\` (Debian) or \`pip install nbconvert\`."
mkdir -p notebooks/out
status=0
for notebook in notebooks/*.ipynb; do
  name=$(basename "$notebook" .ipynb)
  log="notebooks/out/$name.log"
  start=$(date +%s%N)
  if ! jupyter nbconvert --to notebook --execute --ExecutePreprocessor.timeout=300 \
      --ExecutePreprocessor.kernel_name=relationship-equity \
      --output-dir notebooks/out --output "$name.executed.ipynb" "$notebook" > "$log" 2>&1; then
    # nbconvert's traceback is long: show the cell's error, which it prints last.
    echo "✘ $notebook failed; the error (full log: $log):" >&2
    grep -v '^\s*$' "$log" | grep -vE '^(Traceback|  File |    )' | tail -n 12 >&2
    status=1
    continue
  fi
  milliseconds=$(( ($(date +%s%N) - start) / 1000000 ))
  python3 scripts/check-notebook.py "notebooks/out/$name.executed.ipynb" "$milliseconds" || status=1
done
exit $status
