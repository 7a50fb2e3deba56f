#!/usr/bin/env bash
# Execute examples/what-if.ipynb headless with the TypeScript kernel (tslab) and
# check that it produced charts and no errors. Needs: npm run build, Debian's
# jupyter-nbconvert and python3-jupyter-client.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
kernels=$(mktemp -d)
mkdir -p "$kernels/kernels/tslab"
# `tslab install` needs IPython; the kernel spec is one small file, so write it here.
cat > "$kernels/kernels/tslab/kernel.json" <<JSON
{"argv": ["$root/node_modules/.bin/tslab", "kernel", "--config-path", "{connection_file}"],
 "display_name": "TypeScript", "language": "typescript"}
JSON
# tslab resolves modules the classic Node way, which does not look a package up by its
# own name: link the package where the notebook can find it (ignored by git).
mkdir -p examples/node_modules examples/out
ln -sfn ../.. examples/node_modules/relationship-equity
JUPYTER_PATH="$kernels" jupyter nbconvert --to notebook --execute \
  --ExecutePreprocessor.timeout=300 --ExecutePreprocessor.kernel_name=tslab \
  --output-dir examples/out --output what-if.executed.ipynb examples/what-if.ipynb
python3 - <<'PY'
import json, sys
nb = json.load(open('examples/out/what-if.executed.ipynb'))
outputs = [o for c in nb['cells'] if c['cell_type'] == 'code' for o in c.get('outputs', [])]
errors = [o for o in outputs if o.get('output_type') == 'error']
images = [o for o in outputs if any(k.startswith('image/') for k in o.get('data', {}))]
code_cells = [c for c in nb['cells'] if c['cell_type'] == 'code']
print(f"notebook: {len(code_cells)} code cells, {len(images)} image outputs, {len(errors)} errors")
if errors:
    for e in errors: print(e.get('ename'), e.get('evalue'))
    sys.exit(1)
if len(images) < 7:
    print('expected an image in every chart cell'); sys.exit(1)
PY
