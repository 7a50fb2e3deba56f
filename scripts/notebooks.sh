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
# The kernel spec, written here (deno jupyter --install would write into the user's own Jupyter
# folder on macOS and Windows): Deno's kernel, started by the project's deno.
spec="$kernels/jupyter/kernels/relationship-equity"
mkdir -p "$spec"
cat > "$spec/kernel.json" <<JSON
{"argv": ["$deno", "jupyter", "--kernel", "--conn", "{connection_file}"], "display_name": "TypeScript (Deno)", "language": "typescript"}
JSON
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
  start=$(node -e 'console.log(Date.now())')
  if ! jupyter nbconvert --to notebook --execute --ExecutePreprocessor.timeout=300 \
      --ExecutePreprocessor.kernel_name=relationship-equity \
      --output-dir notebooks/out --output "$name.executed.ipynb" "$notebook" > "$log" 2>&1; then
    # nbconvert's traceback is long: show the cell's error, which it prints last.
    echo "✘ $notebook failed; the error (full log: $log):" >&2
    if grep -q CellExecutionError "$log"; then sed -n '/CellExecutionError/,$p' "$log" | grep -v '^\s*$' | awk '!seen[$0]++' | head -n 14 >&2
    else grep -v '^\s*$' "$log" | grep -vE '^(Traceback|  File |    )' | tail -n 12 >&2; fi
    status=1
    continue
  fi
  milliseconds=$(( $(node -e 'console.log(Date.now())') - start ))
  python3 scripts/check-notebook.py "notebooks/out/$name.executed.ipynb" "$milliseconds" || status=1
done
exit $status
